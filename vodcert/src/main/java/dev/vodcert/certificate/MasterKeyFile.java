package dev.vodcert.certificate;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Where {@link KeyCipher}'s master key comes from. A configured {@value #SETTING} wins; otherwise
 * {@code dataDir/}{@value #FILE_NAME} holds it as base64, created on first start. Creation writes a
 * temporary file born with permissions {@code rw-------} (where the file system is POSIX; elsewhere
 * owner-only is applied best-effort afterwards), then links it into place, so the key file never
 * exists half-written or world-readable, and two processes starting together agree on one key:
 * whoever links first wins and the other reads that key back. Messages name the setting or the
 * file, never a key.
 *
 * <p>A rotation writes the next key to {@value #PENDING_NAME} (owner-only, synced) before anything
 * is re-encrypted, and moves it over {@value #FILE_NAME} in one atomic rename afterwards, so that a
 * crash at any point leaves either key on disk next to data it opens.
 */
public final class MasterKeyFile {
    static final String SETTING = "VODCERT_MASTER_KEY";
    static final String FILE_NAME = "master.key";
    /** The next key during a rotation, until it replaces {@value #FILE_NAME}. */
    static final String PENDING_NAME = "master.key.new";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeyFile() {
    }

    static byte[] loadOrCreate(Path dataDir, String configuredBase64OrNull) {
        if (configuredBase64OrNull != null && !configuredBase64OrNull.isBlank()) {
            byte[] key = decode(configuredBase64OrNull);
            if (key == null) {
                throw new IllegalArgumentException(SETTING + " must be the base64 encoding of exactly "
                        + KeyCipher.KEY_BYTES + " bytes (for example the output of: openssl rand -base64 32)");
            }
            return key;
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(dataDir, file);
            }
            byte[] key = decode(Files.readString(file, StandardCharsets.US_ASCII));
            if (key == null) {
                throw new IllegalStateException("the master key file " + file + " does not hold the base64 encoding of "
                        + KeyCipher.KEY_BYTES + " bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    /** Writes the next key of a rotation to {@value #PENDING_NAME}, owner-only, synced to disk. */
    public static void writePending(Path dataDir, byte[] key) {
        Path pending = dataDir.resolve(PENDING_NAME);
        try {
            Files.deleteIfExists(pending);
            boolean posix = dataDir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(pending, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(pending);
                ownerOnlyBestEffort(pending);
            }
            Files.writeString(pending, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pending, e);
        }
    }

    /** The next key of an unfinished rotation, or null when there is none. */
    public static byte[] readPending(Path dataDir) {
        Path pending = dataDir.resolve(PENDING_NAME);
        try {
            if (!Files.exists(pending)) {
                return null;
            }
            byte[] key = decode(Files.readString(pending, StandardCharsets.US_ASCII));
            if (key == null) {
                throw new IllegalStateException(pending + " does not hold the base64 encoding of "
                        + KeyCipher.KEY_BYTES + " bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pending, e);
        }
    }

    /** Makes the pending key the master key: one atomic rename over {@value #FILE_NAME}. */
    public static void promotePending(Path dataDir) {
        try {
            Files.move(dataDir.resolve(PENDING_NAME), dataDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + PENDING_NAME + " over " + FILE_NAME + " in " + dataDir, e);
        }
    }

    /** Forgets the pending key of a rotation that did not reach the database. */
    public static void discardPending(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(PENDING_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir.resolve(PENDING_NAME), e);
        }
    }

    private static void create(Path dataDir, Path file) throws IOException {
        Files.createDirectories(dataDir);
        boolean posix = dataDir.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dataDir, FILE_NAME + ".", ".tmp", attributes);
        try {
            if (!posix) {
                ownerOnlyBestEffort(temp);
            }
            byte[] key = new byte[KeyCipher.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            publish(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Puts the finished file in place without ever replacing a key another process placed first. */
    private static void publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // another process won the race; its key is the one to use
        } catch (UnsupportedOperationException | IOException e) {
            try {
                Files.move(temp, file);
            } catch (FileAlreadyExistsException lost) {
                // as above
            }
        }
    }

    private static void ownerOnlyBestEffort(Path path) {
        File file = path.toFile();
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
    }

    private static byte[] decode(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            return key.length == KeyCipher.KEY_BYTES ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

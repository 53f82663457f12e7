package dev.vodcert.feed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The sync's output folder (mode 0700): {@link #apply} makes its files what they should be. A file
 * whose bytes differ is written to a temporary file in the same folder (mode 0600 from its
 * creation, flushed to disk) and renamed over the old one, so a reader sees the old file or the
 * new one, never half of one; certificate files ({@link CertFileName}) of domains no longer served
 * are removed. Files the sync does not name are left alone. With an {@code owner}, the folder and
 * the files belong to that user (nginx's workers, which read a certificate at each handshake).
 */
public final class CertDirectory {
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final String TEMP_PREFIX = ".vodcert-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;
    private final UserPrincipal owner;

    /** @param owner the user the files belong to (needs root), or null to keep the caller's */
    public CertDirectory(Path dir, String owner) throws IOException {
        this.dir = dir;
        this.owner = owner == null ? null
                : dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner);
    }

    public Path path() {
        return dir;
    }

    /** Writes what differs and removes certificates not in {@code files}; whether anything changed. */
    public boolean apply(Map<String, byte[]> files) throws IOException {
        prepareFolder();
        boolean changed = false;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            changed |= write(dir.resolve(f.getKey()), f.getValue());
        }
        try (DirectoryStream<Path> present = Files.newDirectoryStream(dir)) {
            for (Path p : present) {
                String name = p.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(p); // left by a sync that was killed while writing
                } else if (!files.containsKey(name) && CertFileName.domainOf(name).isPresent()) {
                    Files.delete(p);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private void prepareFolder() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        }
        Files.setPosixFilePermissions(dir, DIR_MODE);
        if (owner != null) {
            Files.setOwner(dir, owner);
        }
    }

    private boolean write(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            Files.setPosixFilePermissions(target, FILE_MODE);
            if (owner != null) {
                Files.setOwner(target, owner);
            }
            return false;
        }
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FILE_MODE);
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX, mode);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            if (owner != null) {
                Files.setOwner(temp, owner);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return true;
    }
}

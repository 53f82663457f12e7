package dev.vodcert.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds secrets: the master key, the first AccessKey, the database with encrypted
 * keys. At every start it is made readable by its owner only (folder {@code rwx------}, every file
 * in it {@code rw-------}, which also repairs older installations), and the embedded database file
 * {@value #H2_FILE} is created empty and owner-only before H2 opens it, since H2 would create it
 * with the process umask (usually world-readable). Where the file system is not POSIX, nothing is
 * changed; where a file cannot be changed (another owner), a warning names it.
 */
final class DataFolder {
    static final String H2_FILE = "vodcert.mv.db";
    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /** Creates the folder when needed and makes it and its files owner-only. */
    static void prepare(Path dir, boolean embeddedH2) {
        try {
            boolean posix = dir.toAbsolutePath().getRoot().getFileSystem().supportedFileAttributeViews()
                    .contains("posix");
            if (!posix) {
                Files.createDirectories(dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first; its permissions are set below
                }
            }
            ownerOnly(dir, FOLDER);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
                for (Path file : files) {
                    ownerOnly(file, FILE);
                }
            }
            Path database = dir.resolve(H2_FILE);
            if (embeddedH2 && !Files.exists(database)) {
                try {
                    Files.createFile(database, PosixFilePermissions.asFileAttribute(FILE));
                } catch (FileAlreadyExistsException raced) {
                    ownerOnly(database, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data folder " + dir, e);
        }
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException e) {
            LOG.warn("Could not make {} readable by its owner only: {}", path, e.getClass().getSimpleName());
        }
    }
}

package dev.vodcert.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Folders in the system temp directory that a test run never leaves behind: each is deleted by its
 * owner's {@code close()} ({@link #delete}) and, for an owner that never closes, when the test JVM
 * exits.
 */
public final class TempFolders {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(TempFolders::deleteTree),
                "temp-folder-cleanup"));
    }

    private TempFolders() {
    }

    /** A new empty folder named {@code prefix...} in the system temp directory. */
    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            LIVE.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything in it, as far as it can. */
    public static void delete(Path dir) {
        deleteTree(dir);
        LIVE.remove(dir);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a file vanished while walking: what is left goes at exit
        }
    }
}

package dev.vodcert.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The migrations this build ships, read from the source tree, so tests never hard-code the newest version. */
public final class Migrations {
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    private Migrations() {
    }

    public static int latestVersion() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(p -> VERSION.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

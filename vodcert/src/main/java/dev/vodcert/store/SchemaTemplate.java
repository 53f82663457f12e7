package dev.vodcert.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A new embedded database, made by Flyway once at build time instead of at every first start.
 * Migrating an empty H2 file through Flyway costs the first start about a second of CPU (loading
 * Flyway, scanning the jar, running every script); the build runs exactly that migration once
 * ({@link #main}, Maven's {@code process-classes} phase) and ships the resulting file as
 * {@value #FILE}, with the list of migrations it holds beside it ({@value #LIST}, in the format of
 * {@link CurrentSchema#LIST}). A start on a data folder without a database copies it in
 * ({@link #copyInto}) and finds a current schema, so Flyway is not loaded. The template is used only
 * when its list is exactly this build's migrations; otherwise (a stale build), Flyway makes the
 * schema as before. The history rows therefore carry the build's time as {@code installed_on}.
 */
public final class SchemaTemplate {
    /** The class-path resource of the template: an H2 file, migrated by Flyway, holding no rows. */
    static final String FILE = "db/new-h2.mv.db";
    /** The migrations the template holds, one {@code version script checksum} per line. */
    static final String LIST = "db/new-h2.txt";
    private static final String DATABASE_FILE = "vodcert.mv.db";

    private SchemaTemplate() {
    }

    /**
     * Copies the template into {@code dataDir} as its database when there is none yet and the
     * template holds exactly this build's migrations (an empty file counts as none). Never replaces a
     * database that holds anything.
     *
     * @return whether the database is now the template's copy
     */
    public static boolean copyInto(Path dataDir) {
        return !holdsData(dataDir.resolve(DATABASE_FILE)) && copyInto(dataDir, resourceText(LIST));
    }

    static boolean copyInto(Path dataDir, String templateList) {
        Path target = dataDir.resolve(DATABASE_FILE);
        if (holdsData(target) || templateList == null || !templateList.equals(lines(CurrentSchema.shipped()))) {
            return false;
        }
        try (InputStream in = SchemaTemplate.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                return false;
            }
            Path part = Files.createTempFile(dataDir, "vodcert-new-", ".part");
            try {
                try (OutputStream out = Files.newOutputStream(part)) { // keeps the temp file's owner-only mode
                    in.transferTo(out);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the database in " + dataDir, e);
        }
    }

    /** An existing file with any byte in it is a database (the data folder's preparation leaves an empty one). */
    private static boolean holdsData(Path target) {
        try {
            return Files.exists(target) && Files.size(target) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Build time: {@code args[0]} is the class-path output folder; writes {@value #FILE} and {@value #LIST} there. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path work = Files.createTempDirectory("vodcert-template");
        try {
            String url = Database.h2Url(work);
            Flyway flyway = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load();
            flyway.migrate();
            String list = lines(Stream.of(flyway.info().applied()).map(SchemaTemplate::migration).toList());
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            Files.createDirectories(out.resolve(FILE).getParent());
            Files.copy(work.resolve(DATABASE_FILE), out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(out.resolve(LIST), list, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static CurrentSchema.Migration migration(MigrationInfo info) {
        return new CurrentSchema.Migration(info.getVersion().getVersion(), info.getScript(), info.getChecksum());
    }

    static String lines(List<CurrentSchema.Migration> migrations) {
        return migrations.stream().map(m -> m.line() + "\n").collect(Collectors.joining());
    }

    private static String resourceText(String name) {
        try (InputStream in = SchemaTemplate.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}

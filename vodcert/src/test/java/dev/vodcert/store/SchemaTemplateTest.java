package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.server.Config;
import dev.vodcert.server.Vodcert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new embedded database is a copy of the build's Flyway-migrated template ({@link SchemaTemplate}):
 * the same schema and history as Flyway makes at a first start, current at once (no Flyway), never
 * over an existing database, never from a template of other migrations, and still Flyway's to
 * migrate when a later build adds a migration.
 */
class SchemaTemplateTest {
    private static final String HISTORY = "SELECT \"installed_rank\" || ' ' || COALESCE(\"version\", '-') || ' ' "
            + "|| \"description\" || ' ' || \"type\" || ' ' || \"script\" || ' ' || COALESCE(CAST(\"checksum\" AS VARCHAR), '-') "
            + "|| ' ' || \"installed_by\" || ' ' || \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"";

    @TempDir
    Path dir;

    private static Jdbi jdbi(Path data) {
        return Jdbi.create(Database.h2Url(data));
    }

    private static List<String> schema(Path data) {
        return jdbi(data).withHandle(h -> h.createQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS").mapTo(String.class)
                .list());
    }

    private static long count(Path data, String table) {
        Long count = jdbi(data).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
        return count;
    }

    private static List<String> history(Path data) {
        return jdbi(data).withHandle(h -> h.createQuery(HISTORY).mapTo(String.class).list());
    }

    private Path copied() throws Exception {
        Path data = Files.createDirectories(dir.resolve("template"));
        assertThat(SchemaTemplate.copyInto(data)).isTrue();
        return data;
    }

    @Test
    void aCopyIsCurrentSoOpeningItSkipsFlywayAndWritesNothing() throws Exception {
        Path data = copied();
        try (Database db = Database.open(Database.h2Url(data), null, null, 2)) {
            assertThat(db.ranFlyway()).isFalse();
            Long domains = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vod_domain").mapTo(Long.class)
                    .one());
            assertThat(domains).isZero();
        }
        Flyway flyway = Flyway.configure().dataSource(Database.h2Url(data), null, null)
                .locations("classpath:db/migration").load();
        flyway.validate();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).hasSize(CurrentSchema.shipped().size());
    }

    @Test
    void itHoldsTheSchemaAndTheHistoryFlywayMakesOnAnEmptyDatabase() throws Exception {
        Path byFlyway = dir.resolve("flyway");
        try (Database db = Database.open(Database.h2Url(byFlyway), null, null, 2)) {
            assertThat(db.ranFlyway()).isTrue();
        }
        Path data = copied();

        assertThat(schema(data)).containsExactlyElementsOf(schema(byFlyway)).anyMatch(l -> l.contains("\"VOD_DOMAIN\""));
        assertThat(history(data)).containsExactlyElementsOf(history(byFlyway)).hasSize(CurrentSchema.shipped().size() + 1);
    }

    @Test
    void aServiceStartOnANewFolderUsesItAndLeavesTheFileOwnerOnly() throws Exception {
        Path data = dir.resolve("service");
        try (Database db = Vodcert.openDatabase(Config.defaults(data))) {
            assertThat(db.ranFlyway()).isFalse();
        }
        assertThat(history(data)).hasSize(CurrentSchema.shipped().size() + 1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("vodcert.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(Files.list(data).map(p -> p.getFileName().toString())).doesNotContain("vodcert-new-.part")
                .noneMatch(name -> name.endsWith(".part"));
    }

    @Test
    void anExistingDatabaseIsNeverReplacedButAnEmptyFileIs() throws Exception {
        Path data = copied();
        jdbi(data).useHandle(h -> h.execute("INSERT INTO account (name, created_at) VALUES ('kept', 1)"));
        assertThat(SchemaTemplate.copyInto(data)).isFalse();
        List<String> names = jdbi(data).withHandle(h -> h.createQuery("SELECT name FROM account").mapTo(String.class)
                .list());
        assertThat(names).containsExactly("kept");

        Path prepared = Files.createDirectories(dir.resolve("prepared"));
        Files.createFile(prepared.resolve("vodcert.mv.db"));
        assertThat(SchemaTemplate.copyInto(prepared)).isTrue();
        assertThat(history(prepared)).hasSize(CurrentSchema.shipped().size() + 1);
    }

    @Test
    void aTemplateOfOtherMigrationsIsNotUsed() throws Exception {
        Path data = Files.createDirectories(dir.resolve("stale"));
        String shipped = SchemaTemplate.lines(CurrentSchema.shipped());
        String older = shipped.substring(0, shipped.lastIndexOf('\n', shipped.length() - 2) + 1);

        assertThat(SchemaTemplate.copyInto(data, older)).isFalse();
        assertThat(SchemaTemplate.copyInto(data, null)).isFalse();
        assertThat(data.resolve("vodcert.mv.db")).doesNotExist();
        assertThat(SchemaTemplate.copyInto(data, shipped)).isTrue();
    }

    @Test
    void flywayMigratesACopyWhenALaterBuildAddsAMigration() throws Exception {
        Path data = copied();
        Flyway later = Flyway.configure().dataSource(Database.h2Url(data), null, null)
                .locations("classpath:db/migration", "classpath:db/later").load();

        assertThat(later.migrate().migrationsExecuted).isEqualTo(1);
        assertThat(count(data, "later_test_table")).isZero();
    }
}

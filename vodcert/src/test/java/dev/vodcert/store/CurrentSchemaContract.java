package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.testing.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A start on a database whose schema is exactly this build's skips Flyway ({@link CurrentSchema});
 * every other database goes through Flyway and {@link SchemaVersionGuard} as before: empty, older,
 * with a failed or an edited migration, newer. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class CurrentSchemaContract {
    /** A JDBC URL of a new, empty database. */
    abstract String newUrl();

    abstract String user();

    abstract String password();

    private Database open(String url) {
        return Database.open(url, user(), password(), 2);
    }

    private Jdbi plain(String url) {
        return user() == null ? Jdbi.create(url) : Jdbi.create(url, user(), password());
    }

    private List<String> history(String url) {
        return plain(url).withHandle(h -> h.createQuery("SELECT \"version\" || ' ' || \"success\" "
                + "FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                .mapTo(String.class).list());
    }

    private String migratedUrl() {
        String url = newUrl();
        try (Database db = open(url)) {
            assertThat(db.ranFlyway()).isTrue();
        }
        return url;
    }

    @Test
    void anEmptyDatabaseIsMigratedByFlywayAndTheNextStartSkipsIt() {
        String url = newUrl();
        try (Database first = open(url)) {
            assertThat(first.ranFlyway()).isTrue();
        }
        assertThat(history(url)).hasSize(Migrations.latestVersion())
                .allMatch(row -> row.equalsIgnoreCase(row.split(" ")[0] + " true"));

        try (Database second = open(url)) {
            assertThat(second.ranFlyway()).isFalse();
            long domains = second.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vod_domain")
                    .mapTo(Long.class).one());
            assertThat(domains).isZero();
        }
        assertThat(history(url)).hasSize(Migrations.latestVersion());
    }

    @Test
    void theHistoryReadsAsNoneThenCurrentThenOther() throws Exception {
        String url = newUrl();
        assertThat(state(url)).isEqualTo(CurrentSchema.State.NONE);
        open(url).close();
        assertThat(state(url)).isEqualTo(CurrentSchema.State.CURRENT);
        plain(url).useHandle(h -> h.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '"
                + Migrations.latestVersion() + "'"));
        assertThat(state(url)).isEqualTo(CurrentSchema.State.OTHER);
    }

    private CurrentSchema.State state(String url) throws Exception {
        try (Connection c = user() == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, user(), password())) {
            return CurrentSchema.of(c);
        }
    }

    @Test
    void anOlderSchemaGoesThroughFlywayAndIsBroughtUpToDate() {
        String url = newUrl();
        Flyway.configure().dataSource(url, user(), password()).locations("classpath:db/migration")
                .target(String.valueOf(Migrations.latestVersion() - 1)).load().migrate();
        assertThat(history(url)).hasSize(Migrations.latestVersion() - 1);

        try (Database db = open(url)) {
            assertThat(db.ranFlyway()).isTrue();
        }
        assertThat(history(url)).hasSize(Migrations.latestVersion());
    }

    @Test
    void aFailedMigrationInTheHistoryGoesThroughFlywayWhichRefusesIt() {
        String url = migratedUrl();
        plain(url).useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE "
                + "WHERE \"version\" = '" + Migrations.latestVersion() + "'"));

        assertThatThrownBy(() -> open(url)).isInstanceOf(DatabaseStartException.class)
                .hasMessageStartingWith("The database schema at " + url + " cannot be brought to this vodcert's "
                        + "version: ");
    }

    @Test
    void anEditedMigrationGoesThroughFlywayWhichRefusesIt() {
        String url = migratedUrl();
        plain(url).useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 "
                + "WHERE \"version\" = '1'"));

        assertThatThrownBy(() -> open(url)).isInstanceOf(DatabaseStartException.class)
                .hasMessageStartingWith("The database schema at " + url + " cannot be brought to this vodcert's "
                        + "version: ").hasMessageContaining("Validate failed");
    }

    @Test
    void aNewerSchemaGoesThroughTheGuardWhichRefusesItAndChangesNothing() {
        String url = migratedUrl();
        plain(url).useHandle(h -> h.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                + "\"success\") VALUES (99, '99', 'from a newer vodcert', 'SQL', 'V99__newer.sql', 0, 'test', 1, TRUE)"));
        List<String> before = history(url);

        assertThatThrownBy(() -> open(url)).isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("is at version 99, newer than this vodcert knows (" + Migrations.latestVersion()
                        + ")");
        assertThat(history(url)).isEqualTo(before);
    }
}

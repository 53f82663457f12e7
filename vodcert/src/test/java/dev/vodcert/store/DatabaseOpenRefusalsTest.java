package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.testing.EmbeddedPostgresServer;
import java.net.ServerSocket;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Opening a database that cannot be used ends in a {@link DatabaseStartException} with one line
 * that names the problem and the URL (its password masked), and leaves the database untouched.
 */
class DatabaseOpenRefusalsTest {
    private static final String USER = EmbeddedPostgresServer.USER;
    private static final String PASSWORD = EmbeddedPostgresServer.PASSWORD;

    @Test
    void aUrlNoDriverTakesIsNamed() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://127.0.0.1/vodcert", USER, PASSWORD, 2))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessage("The JDBC URL jdbc:mysql://127.0.0.1/vodcert is not one vodcert can use: give "
                        + "jdbc:postgresql://HOST:PORT/DATABASE, or leave it out for the embedded H2 database.");
        assertThatThrownBy(() -> Database.open("postgres://127.0.0.1/vodcert", USER, PASSWORD, 2))
                .isInstanceOf(DatabaseStartException.class).hasMessageContaining("is not one vodcert can use");
    }

    @Test
    void aServerNotListeningIsNamedQuickly() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/vodcert?password=" + PASSWORD;
        long start = System.nanoTime();
        assertThatThrownBy(() -> Database.open(url, USER, PASSWORD, 2))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageStartingWith("Cannot connect to the database at jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/vodcert?password=***: ")
                .hasMessageContaining("SQLState 08")
                .hasMessageNotContaining(PASSWORD)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aWrongPasswordIsNamedWithoutThePasswordAndChangesNothing() {
        String url = EmbeddedPostgresServer.shared().newDatabase();
        assertThatThrownBy(() -> Database.open(url, USER, "not-the-password", 2))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessage("The database at " + url + " refused the user name or password (user vodcert); "
                        + "check VODCERT_DB_USER and VODCERT_DB_PASSWORD.");
        assertThat(tables(url)).isEmpty();
    }

    @Test
    void aMissingDatabaseIsNamed() {
        String url = EmbeddedPostgresServer.shared().jdbcUrl("no_such_database");
        assertThatThrownBy(() -> Database.open(url, USER, PASSWORD, 2))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessage("The database named in " + url + " does not exist; create it first (CREATE DATABASE).");
    }

    private static List<String> tables(String url) {
        return Jdbi.create(url, USER, PASSWORD).withHandle(h -> h.createQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .mapTo(String.class).list());
    }
}

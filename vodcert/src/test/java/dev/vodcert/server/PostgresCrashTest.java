package dev.vodcert.server;

import dev.vodcert.testing.ChildVodcert;
import dev.vodcert.testing.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashScenario} on PostgreSQL: the child vodcert runs with {@code --jdbc-url} on a fresh
 * database of the embedded server, which outlives every killed child (only vodcert is killed; the
 * database keeps running with its default {@code synchronous_commit=on}). The data folder holds
 * only the master key, which every restart reads again.
 */
class PostgresCrashTest extends CrashScenario {
    /**
     * Connection timeouts for a machine shared by several builds: a restart right after a kill, with
     * load average above 10, has taken longer than vodcert's default 2 s to connect. The URL's
     * values win over vodcert's defaults, as an operator's would.
     */
    static final String LOADED_MACHINE = "?connectTimeout=10&loginTimeout=15";
    @TempDir
    Path data;
    private String jdbcUrl;

    @BeforeEach
    void database() {
        jdbcUrl = EmbeddedPostgresServer.shared().newDatabase() + LOADED_MACHINE;
    }

    @Override
    ChildVodcert start() {
        return ChildVodcert.start(data, "256m", Map.of("VODCERT_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD),
                "--domain-limit", "100000", "--admin-port", "-1", "--jdbc-url", jdbcUrl, "--db-user", EmbeddedPostgresServer.USER);
    }

    @Override
    Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}

package dev.vodcert.server;

import dev.vodcert.store.Database;
import dev.vodcert.testing.ChildVodcert;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashScenario} on the embedded H2 store: the child runs on a data folder of its own and
 * every restart opens the same {@code vodcert.mv.db} the killed process was writing.
 */
class CrashTest extends CrashScenario {
    @TempDir
    Path data;

    @Override
    ChildVodcert start() {
        return ChildVodcert.start(data, "256m", "--domain-limit", "100000", "--admin-port", "-1");
    }

    @Override
    Connection connect() throws Exception {
        return DriverManager.getConnection(Database.h2Url(data));
    }
}

package dev.vodcert.bench;

import dev.vodcert.server.Config;
import dev.vodcert.server.Vodcert;
import dev.vodcert.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Times one SQL query over a seeded data folder, reading every row it returns, with the database
 * opened as the service opens it. The hook for scans such as the renewal scan ("which free
 * certificates are due"): seed their rows in {@link Seeder}, pass their query with {@code --timed-query}.
 */
final class TimedQuery {
    private TimedQuery() {
    }

    static double millis(Path dataDir, String sql) throws Exception {
        try (Database db = Vodcert.openDatabase(Config.defaults(dataDir))) {
            return db.jdbi().withHandle(h -> {
                Connection c = h.getConnection();
                long start = System.nanoTime();
                long rows = 0;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                        rows++;
                    }
                }
                double ms = (System.nanoTime() - start) / 1e6;
                System.out.printf("  timed query: %d rows in %.1f ms%n", rows, ms);
                return ms;
            });
        }
    }
}

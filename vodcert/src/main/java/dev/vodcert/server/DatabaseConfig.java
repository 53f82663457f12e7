package dev.vodcert.server;

import dev.vodcert.store.JdbcUrls;
import java.nio.file.Path;

/**
 * Where the data lives: the data folder (the embedded H2 database, {@code master.key}) and, for
 * several nodes, a PostgreSQL database.
 *
 * @param dataDir  the data folder ({@code --data})
 * @param jdbcUrl  null for the embedded H2 database in {@code dataDir} ({@code --jdbc-url})
 * @param user     the database user ({@code --db-user}), or null
 * @param password the database password (environment {@code VODCERT_DB_PASSWORD} only; never printed)
 * @param poolSize the most database connections this node holds ({@code --db-pool-size})
 */
public record DatabaseConfig(Path dataDir, String jdbcUrl, String user, String password, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;

    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig(dataDir, null, null, null, DEFAULT_POOL_SIZE);
    }

    /** Whether this is the embedded H2 database in the data folder. */
    public boolean isEmbedded() {
        return jdbcUrl == null;
    }

    public void validate() {
        if (dataDir == null) {
            throw new IllegalArgumentException("--data must name a folder");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("--db-pool-size must be at least 1, got " + poolSize);
        }
    }

    @Override
    public String toString() {
        return "database[data=" + dataDir + ", jdbcUrl=" + (jdbcUrl == null ? "(embedded H2)" : JdbcUrls.masked(jdbcUrl))
                + ", user=" + (user == null ? "-" : user) + ", password=" + (password == null ? "-" : "***")
                + ", poolSize=" + poolSize + "]";
    }
}

package dev.vodcert;

import dev.vodcert.server.Config;
import dev.vodcert.server.DatabaseConfig;
import dev.vodcert.server.SecretsConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of every command that opens the store: the data folder and the database, and the
 * secrets from the environment ({@code VODCERT_DB_PASSWORD}, {@code VODCERT_MASTER_KEY},
 * {@code VODCERT_ACCESS_KEY_ID}/{@code _SECRET}), which are never flags so that they stay out of
 * process listings.
 */
final class StoreOptions {
    @Option(names = "--data", description = "Data folder (default ./data).", defaultValue = "data")
    Path data;
    @Option(names = "--jdbc-url", description = "JDBC URL; default the embedded H2 in the data folder. Env VODCERT_JDBC_URL.",
            defaultValue = "${env:VODCERT_JDBC_URL}")
    String jdbcUrl;
    @Option(names = "--db-user", description = "Database user. Env VODCERT_DB_USER; the password only from "
            + "env VODCERT_DB_PASSWORD.", defaultValue = "${env:VODCERT_DB_USER}")
    String dbUser;
    @Option(names = "--db-pool-size", description = "Database connections per node (default ${DEFAULT-VALUE}). "
            + "Env VODCERT_DB_POOL_SIZE.", defaultValue = "${env:VODCERT_DB_POOL_SIZE:-10}")
    int dbPoolSize;
    @Option(names = "--db-password-env", hidden = true)
    String unused;

    DatabaseConfig database() {
        return new DatabaseConfig(data, Main.emptyToNull(jdbcUrl), Main.emptyToNull(dbUser),
                Main.emptyToNull(System.getenv("VODCERT_DB_PASSWORD")), dbPoolSize);
    }

    static SecretsConfig secrets() {
        return new SecretsConfig(Main.emptyToNull(System.getenv("VODCERT_MASTER_KEY")),
                Main.emptyToNull(System.getenv("VODCERT_ACCESS_KEY_ID")),
                Main.emptyToNull(System.getenv("VODCERT_ACCESS_KEY_SECRET")));
    }

    /** The defaults with this database and the environment's secrets. */
    Config config() {
        return Config.defaults(data).withDatabase(database()).withSecrets(secrets());
    }
}

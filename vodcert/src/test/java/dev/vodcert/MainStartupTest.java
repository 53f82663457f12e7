package dev.vodcert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.store.Database;
import dev.vodcert.testing.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input at start, through the real command line in a child JVM: a JDBC URL no driver takes, a
 * server that is not there, a wrong password, a schema from a newer vodcert, an unusable TLS
 * keystore. Each ends with exit code 1, one line on stderr naming the problem (no stack trace,
 * no password), and the database as it was.
 */
class MainStartupTest {
    private static final String PREFIX = "vodcert: cannot start: ";

    @TempDir
    Path dir;

    record Run(int exit, String stdout, String stderr) {
        /** Everything the console shows, both streams. */
        String console() {
            return stdout + stderr;
        }
    }

    private Run serve(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.vodcert.Main", "serve",
                "--port", "0", "--admin-port", "0", "--data", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("VODCERT_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("vodcert did not stop by itself; it started: " + read("out.txt"));
        }
        return new Run(process.exitValue(), read("out.txt"), read("err.txt"));
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    private static void assertRefused(Run run, String message) {
        assertThat(run.exit()).as(run.console()).isEqualTo(1);
        assertThat(run.stderr()).isEqualTo(PREFIX + message + System.lineSeparator());
        assertThat(run.stdout()).isEmpty();
    }

    private static Map<String, String> pgEnv(String password) {
        Map<String, String> env = new HashMap<>();
        env.put("VODCERT_DB_USER", EmbeddedPostgresServer.USER);
        env.put("VODCERT_DB_PASSWORD", password);
        return env;
    }

    @Test
    void aLeaseDurationOutOfRange() throws Exception {
        assertRefused(serve(Map.of(), "--lease-seconds", "0"), "--lease-seconds must be from 1 to 86400, not 0");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aJdbcUrlNoDriverTakes() throws Exception {
        Run run = serve(Map.of(), "--jdbc-url", "jdbc:mysql://127.0.0.1/vodcert");
        assertRefused(run, "The JDBC URL jdbc:mysql://127.0.0.1/vodcert is not one vodcert can use: give "
                + "jdbc:postgresql://HOST:PORT/DATABASE, or leave it out for the embedded H2 database.");
    }

    @Test
    void aServerThatIsNotThereGivenInAConfigurationFile() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/vodcert";
        Path args = Files.writeString(dir.resolve("vodcert.args"), "--jdbc-url\n" + url + "\n");
        Run run = serve(pgEnv(EmbeddedPostgresServer.PASSWORD), "@" + args);
        assertThat(run.exit()).as(run.console()).isEqualTo(1);
        assertThat(run.stderr()).startsWith(PREFIX + "Cannot connect to the database at " + url + ": ")
                .contains("SQLState 08").endsWith(System.lineSeparator())
                .doesNotContain(EmbeddedPostgresServer.PASSWORD);
        assertThat(run.stderr().lines()).hasSize(1);
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aWrongPasswordChangesNothing() throws Exception {
        String url = EmbeddedPostgresServer.shared().newDatabase();
        Run run = serve(pgEnv("wrong-secret-pw"), "--jdbc-url", url);
        assertRefused(run, "The database at " + url + " refused the user name or password (user vodcert); "
                + "check VODCERT_DB_USER and VODCERT_DB_PASSWORD.");
        assertThat(run.console()).doesNotContain("wrong-secret-pw");
        assertThat(tables(url)).isEmpty();
    }

    @Test
    void aSchemaFromANewerVodcertIsRefusedAndNotTouched() throws Exception {
        String url = EmbeddedPostgresServer.shared().newDatabase();
        Database.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, 1).close();
        Jdbi db = Jdbi.create(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        db.useHandle(h -> h.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                + "script, checksum, installed_by, execution_time, success) VALUES (99, '99', 'from a newer vodcert', "
                + "'SQL', 'V99__newer.sql', 0, 'test', 1, TRUE)"));
        List<String> before = snapshot(db);

        Run run = serve(pgEnv(EmbeddedPostgresServer.PASSWORD), "--jdbc-url", url);

        assertRefused(run, "The database schema at " + url + " is at version 99, newer than this vodcert knows ("
                + dev.vodcert.testing.Migrations.latestVersion() + "): "
                + "a newer vodcert migrated it. Refusing to start; the database was not changed. Run the newer vodcert.");
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    void aTlsKeystoreThatIsNotThere() throws Exception {
        Path missing = dir.resolve("missing.p12");
        Run run = serve(Map.of("VODCERT_TLS_KEYSTORE_PASSWORD", "pw"), "--tls-keystore", missing.toString());
        assertRefused(run, "The TLS keystore " + missing + " does not exist or cannot be read.");
    }

    private static List<String> tables(String url) {
        return Jdbi.create(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD).withHandle(h ->
                h.createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                        .mapTo(String.class).list());
    }

    /** The schema history and the row count of every table: what a start would have changed. */
    private static List<String> snapshot(Jdbi db) {
        return db.withHandle(h -> {
            List<String> out = new ArrayList<>(h.createQuery("SELECT version || ':' || success FROM "
                    + "flyway_schema_history ORDER BY installed_rank").mapTo(String.class).list());
            for (String table : List.of("account", "access_key", "certificate", "vod_domain", "signature_nonce")) {
                out.add(table + "=" + h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
            return out;
        });
    }
}

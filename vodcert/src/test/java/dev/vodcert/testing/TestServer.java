package dev.vodcert.testing;

import dev.vodcert.account.NewAccessKey;
import dev.vodcert.issuance.Issuer;
import dev.vodcert.server.AdminConfig;
import dev.vodcert.server.Config;
import dev.vodcert.server.Vodcert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * A real vodcert on 127.0.0.1 and a free port, over a fresh data folder, for tests. Account
 * {@code default} has the key {@link #ACCESS_KEY_ID}/{@link #ACCESS_KEY_SECRET}; {@link #otherKey()}
 * belongs to a second account. {@link #restart()} stops and starts it on the same data.
 * {@link #onPostgres(String)} makes a node on a PostgreSQL database instead of H2; several such
 * nodes on one database share {@link #MASTER_KEY}, as a real deployment must.
 * The admin
 * listener takes a free port too; {@code customize} changes the configuration further, {@code issuer}
 * (when not null) replaces the configured one.
 */
public final class TestServer implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "testAccessKeyId";
    public static final String ACCESS_KEY_SECRET = "testAccessKeySecret";
    /** The master key of every node made by {@link #onPostgres(String)} (base64 of 32 bytes). */
    public static final String MASTER_KEY = "dm9kY2VydC10ZXN0LW1hc3Rlci1rZXktMzItYnl0ZXM=";

    private final Path dataDir;
    private boolean stopped;
    private final Clock clock;
    private final UnaryOperator<Config> customize;
    private final Issuer issuer;
    private Vodcert app;
    private NewAccessKey otherKey;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    public TestServer() {
        this(Clock.systemUTC());
    }

    public TestServer(Clock clock) {
        this(clock, c -> c, null);
    }

    /** @param customize changes the test configuration (database, TLS, nonce store...) before each start */
    public TestServer(Clock clock, UnaryOperator<Config> customize) {
        this(clock, customize, null);
    }

    /** @param issuer replaces the configured issuer when not null */
    public TestServer(Clock clock, UnaryOperator<Config> customize, Issuer issuer) {
        this.customize = customize;
        this.issuer = issuer;
        this.dataDir = TempFolders.create("vodcert-test");
        this.clock = clock;
        start();
        otherKey = app.accessKeys().create(app.accessKeys().account("other"));
        Transcript.secret(ACCESS_KEY_SECRET);
        Transcript.secret(otherKey.accessKeySecret());
        Path masterKeyFile = dataDir.resolve("master.key");
        try {
            if (Files.exists(masterKeyFile)) {
                Transcript.secret(Files.readString(masterKeyFile).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() {
        stopped = false;
        Config config = customize.apply(Config.defaults(dataDir).withPort(0)
                .withAccessKey(ACCESS_KEY_ID, ACCESS_KEY_SECRET).withAdmin(new AdminConfig("127.0.0.1", 0, null)));
        app = Vodcert.start(config, clock, new PrintStream(console, true), issuer);
    }

    /** A node on the PostgreSQL database at {@code jdbcUrl} (of {@link EmbeddedPostgresServer}). */
    public static TestServer onPostgres(String jdbcUrl) {
        return new TestServer(Clock.systemUTC(), postgres(jdbcUrl));
    }

    /** The configuration change that puts a node on the PostgreSQL database at {@code jdbcUrl}. */
    public static UnaryOperator<Config> postgres(String jdbcUrl) {
        return c -> c.withDatabase(jdbcUrl, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, 4)
                .withMasterKey(MASTER_KEY);
    }

    public void restart() {
        stop();
        start();
    }

    public int port() {
        return app.port();
    }

    /** {@code 127.0.0.1:port}, the form the V1 SDK takes as an endpoint. */
    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A key of a second account ({@code other}). */
    public NewAccessKey otherKey() {
        return otherKey;
    }

    public Vodcert app() {
        return app;
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            TempFolders.delete(dataDir);
        }
    }

    /** Stops the service but keeps its data folder (for commands run on a stopped service) until {@link #close()}. */
    public void stop() {
        if (!stopped) {
            stopped = true;
            app.close();
        }
    }
}

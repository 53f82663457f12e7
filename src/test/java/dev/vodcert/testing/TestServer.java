package dev.vodcert.testing;

import dev.vodcert.account.NewAccessKey;
import dev.vodcert.server.Config;
import dev.vodcert.server.Limits;
import dev.vodcert.server.Vodcert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A real vodcert on 127.0.0.1 and a free port, over a fresh data folder, for tests. Account
 * {@code default} has the key {@link #ACCESS_KEY_ID}/{@link #ACCESS_KEY_SECRET}; {@link #otherKey()}
 * belongs to a second account. {@link #restart()} stops and starts it on the same data.
 */
public final class TestServer implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "testAccessKeyId";
    public static final String ACCESS_KEY_SECRET = "testAccessKeySecret";

    private final Path dataDir;
    private final Clock clock;
    private final Limits limits;
    private Vodcert app;
    private NewAccessKey otherKey;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    public TestServer() {
        this(Clock.systemUTC());
    }

    public TestServer(Clock clock) {
        this(clock, Limits.defaults());
    }

    /** A server with these overload limits (throttle, request queue). */
    public TestServer(Clock clock, Limits limits) {
        this.limits = limits;
        try {
            this.dataDir = Files.createTempDirectory("vodcert-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.clock = clock;
        start();
        otherKey = app.accessKeys().create(app.accessKeys().account("other"));
        Transcript.secret(ACCESS_KEY_SECRET);
        Transcript.secret(otherKey.accessKeySecret());
        try {
            Transcript.secret(Files.readString(dataDir.resolve("master.key")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() {
        Config config = Config.defaults(dataDir).withPort(0).withAccessKey(ACCESS_KEY_ID, ACCESS_KEY_SECRET);
        app = Vodcert.start(config, limits, clock, new PrintStream(console, true));
    }

    public void restart() {
        app.close();
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
        app.close();
    }
}

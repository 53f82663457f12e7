package dev.vodcert;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.edge.EdgeConfig;
import dev.vodcert.http.ClientLimits;
import dev.vodcert.edge.EdgeServer;
import dev.vodcert.edge.EdgeWiring;
import dev.vodcert.server.Config;
import dev.vodcert.store.Database;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of the built-in HTTPS edge, for {@code serve} (off unless a port is given) and {@code edge}. */
final class EdgeOptions {
    @Option(names = "--edge-https-port", description = "Serve the stored certificates on this HTTPS port: the "
            + "built-in edge (default: no edge with serve; 8443 with edge). 0 picks a free port.")
    Integer httpsPort;
    @Option(names = "--edge-http-port", description = "The edge's plain HTTP port: ACME HTTP-01 answers, then "
            + "proxying (default: none with serve; 8081 with edge).")
    Integer httpPort;
    @Option(names = "--edge-host", description = "The edge's listen address (default ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    String host;
    @Option(names = "--edge-refresh-ms", description = "How stale the edge's view of the store may grow before it "
            + "re-reads a name (default ${DEFAULT-VALUE}).", defaultValue = "1000")
    long refreshMs;
    @Option(names = "--edge-connect-timeout-ms", description = "Timeout of connecting to an origin; then 502 "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "5000")
    long connectTimeoutMs;
    @Option(names = "--edge-origin-timeout-ms", description = "Timeout of an origin's whole answer; then 504 "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "60000")
    long originTimeoutMs;

    /** Whether {@code serve} runs an edge: a port was given. */
    boolean requested() {
        return httpsPort != null || httpPort != null;
    }

    /** The settings, a listener without a port being off (with {@code serve}) or on its default ({@code edge}). */
    EdgeConfig config(boolean defaultsOn) {
        int https = httpsPort != null ? httpsPort : defaultsOn ? 8443 : EdgeConfig.OFF;
        int http = httpPort != null ? httpPort : defaultsOn ? 8081 : EdgeConfig.OFF;
        return new EdgeConfig(host, https, http, Duration.ofMillis(refreshMs), Duration.ofMillis(connectTimeoutMs),
                Duration.ofMillis(originTimeoutMs), EdgeConfig.DEFAULT_IDLE_TIMEOUT, ClientLimits.DEFAULTS);
    }

    /** Starts the edge on {@code database}, the served keys decrypted with the configured master key. */
    static EdgeServer start(EdgeConfig edge, Config config, Database database) {
        KeyCipher cipher = new KeyCipher(KeyCipher.loadOrCreateMasterKey(config.dataDir(), config.secrets().masterKey()));
        // the edge holds its clients to the API listener's limits (--max-connections-per-client, the deadlines)
        EdgeServer server = EdgeWiring.start(edge.withClients(config.limits().clientLimits()), database, cipher,
                Clock.systemUTC());
        System.out.println("vodcert: edge serving HTTPS on " + describe(edge.host(), server.httpsPort())
                + ", HTTP on " + describe(edge.host(), server.httpPort()));
        return server;
    }

    private static String describe(String host, int port) {
        return port == EdgeConfig.OFF ? "(off)" : host + ":" + port;
    }
}

package dev.vodcert.edge;

import dev.vodcert.http.ClientLimits;
import java.time.Duration;

/**
 * The built-in edge's settings: where it listens (a port of 0 picks a free one, -1 turns that
 * listener off), how stale its view of the store may grow ({@code refresh}: a name's certificate and
 * origins are re-read in the background once older than this, and never used once older than
 * twice this), and its origin timeouts ({@code connectTimeout} to open a connection to an origin,
 * an answer refused or not connected in time is a 502; {@code originTimeout} for the whole answer,
 * past which the client gets a 504; {@code idleTimeout} for idle client and origin connections), and
 * what one client may hold ({@code clients}: the API listener's settings, so that a slow client costs
 * a connection here too; request bodies stream on to the origin, so only heads have a deadline).
 */
public record EdgeConfig(String host, int httpsPort, int httpPort, Duration refresh, Duration connectTimeout,
                         Duration originTimeout, Duration idleTimeout, ClientLimits clients) {
    public static final int OFF = -1;
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ORIGIN_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public EdgeConfig {
        if (httpsPort == OFF && httpPort == OFF) {
            throw new IllegalArgumentException("the edge needs an HTTPS port, an HTTP port, or both");
        }
        checkPort("HTTPS", httpsPort);
        checkPort("HTTP", httpPort);
        if (clients == null) {
            throw new IllegalArgumentException("the edge needs its per-client limits");
        }
        for (Duration d : new Duration[] {refresh, connectTimeout, originTimeout, idleTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the edge's refresh and timeouts must be positive durations");
            }
        }
    }

    /** Both listeners on {@code host}, the default refresh and timeouts. */
    public static EdgeConfig of(String host, int httpsPort, int httpPort) {
        return new EdgeConfig(host, httpsPort, httpPort, DEFAULT_REFRESH, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_ORIGIN_TIMEOUT, DEFAULT_IDLE_TIMEOUT, ClientLimits.DEFAULTS);
    }

    public EdgeConfig withTimeouts(Duration connect, Duration origin) {
        return new EdgeConfig(host, httpsPort, httpPort, refresh, connect, origin, idleTimeout, clients);
    }

    public EdgeConfig withClients(ClientLimits limits) {
        return new EdgeConfig(host, httpsPort, httpPort, refresh, connectTimeout, originTimeout, idleTimeout, limits);
    }

    private static void checkPort(String what, int port) {
        if (port < OFF || port > 65535) {
            throw new IllegalArgumentException("the edge's " + what + " port must be 0 to 65535 (or off), not " + port);
        }
    }
}

package dev.vodcert.server;

import dev.vodcert.http.ClientLimits;
import dev.vodcert.protocol.Throttle;
import dev.vodcert.protocol.TokenBucketThrottle;
import java.time.Clock;
import java.time.Duration;

/**
 * How vodcert holds up under load, with every default in {@link #defaults()}: throttling of
 * verified callers (off by default, so benchmarks and the embedded quick start are not throttled)
 * and the bounded request queue (always on; it only matters under overload).
 *
 * <p>{@code throttle} is {@code off}; {@value #PRESET}, the real service's documented limit of
 * {@value #PRESET_RATE} requests per second per user and action (a user being an account and all
 * its AccessKeys), bursts of {@value #PRESET_RATE}; or {@code RATE[/BURST]}, a token bucket per
 * AccessKey over all actions (burst defaults to the rate, at least 1). Over the limit a request is
 * refused with {@code Throttling.User} (HTTP 400, as the gateway documents it).
 *
 * @param maxActiveRequests requests handled at once; more wait in the queue
 * @param maxQueuedRequests requests that may wait; one more is refused with {@code ServiceUnavailable} (503) at once
 * @param maxQueueWait      the longest a request waits in the queue before it is refused the same way
 * @param maxConnectionsPerClient the most connections one client address holds; one more is closed as it
 *                          opens (and so the most requests it has in flight: one per HTTP/1.1 connection)
 * @param headerTimeout     how long a request head may take to arrive once its first byte has
 * @param bodyTimeout       how long a request body may take to arrive after its head; it is read
 *                          before the request takes a place among the active requests
 */
public record Limits(String throttle, int maxActiveRequests, int maxQueuedRequests, Duration maxQueueWait,
                     int maxConnectionsPerClient, Duration headerTimeout, Duration bodyTimeout) {
    public static final String OFF = "off";
    public static final String PRESET = "preset";
    /**
     * Requests per second per user and action in the real service's documented limits
     * (DescribeVodDomainDetail, SetVodDomainSSLCertificate).
     */
    public static final int PRESET_RATE = 30;

    /**
     * Requests handled at once by default: 8 per core, at least 16. The work is CPU and a database,
     * so more only adds switching (the listener keeps this many request threads, see HttpServer).
     */
    public static final int DEFAULT_ACTIVE_REQUESTS = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());

    /**
     * Connections one client address may hold by default: room for a large SDK connection pool, a
     * benchmark's 64 connections, or several processes behind one address.
     */
    public static final int DEFAULT_CONNECTIONS_PER_CLIENT = 256;

    public static Limits defaults() {
        return new Limits(OFF, DEFAULT_ACTIVE_REQUESTS, 1024, Duration.ofSeconds(2), ClientLimits.DEFAULTS.maxConnectionsPerClient(),
                ClientLimits.DEFAULTS.headerTimeout(), ClientLimits.DEFAULTS.bodyTimeout());
    }

    public Limits withThrottle(String newThrottle) {
        return new Limits(newThrottle, maxActiveRequests, maxQueuedRequests, maxQueueWait, maxConnectionsPerClient,
                headerTimeout, bodyTimeout);
    }

    public Limits withQueue(int active, int queued, Duration wait) {
        return new Limits(throttle, active, queued, wait, maxConnectionsPerClient, headerTimeout, bodyTimeout);
    }

    public Limits withSlowClients(int connectionsPerClient, Duration header, Duration body) {
        return new Limits(throttle, maxActiveRequests, maxQueuedRequests, maxQueueWait, connectionsPerClient, header,
                body);
    }

    /** What one client may hold of a listener: the API's, and the edge's that follows the same settings. */
    public ClientLimits clientLimits() {
        return new ClientLimits(maxConnectionsPerClient, headerTimeout, bodyTimeout);
    }

    /** The throttle these limits describe. */
    public Throttle throttle(Clock clock) {
        if (throttle.equals(OFF)) {
            return Throttle.NONE;
        }
        if (throttle.equals(PRESET)) {
            return new TokenBucketThrottle(TokenBucketThrottle.Scope.ACCOUNT_AND_ACTION, PRESET_RATE, PRESET_RATE, clock);
        }
        String[] parts = throttle.split("/", -1);
        double rate = Double.parseDouble(parts[0]);
        int burst = parts.length > 1 ? Integer.parseInt(parts[1]) : Math.max(1, (int) Math.ceil(rate));
        return new TokenBucketThrottle(TokenBucketThrottle.Scope.ACCESS_KEY, rate, burst, clock);
    }

    /** Checks every value; names the bad setting. */
    public Limits validate() {
        if (throttle == null || !(throttle.equals(OFF) || throttle.equals(PRESET)
                || throttle.matches("\\d{1,9}(\\.\\d{1,6})?(/\\d{1,9})?") && Double.parseDouble(throttle.split("/")[0]) > 0
                && (!throttle.contains("/") || Integer.parseInt(throttle.split("/")[1]) >= 1))) {
            throw new IllegalArgumentException("--throttle must be off, preset or RATE[/BURST] (e.g. 50/100), got "
                    + throttle);
        }
        if (maxActiveRequests < 1 || maxQueuedRequests < 0) {
            throw new IllegalArgumentException("--max-active-requests must be at least 1 and --max-queued-requests at least 0");
        }
        if (maxQueueWait == null || maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("--max-queue-wait-ms must be positive");
        }
        if (maxConnectionsPerClient < 1) {
            throw new IllegalArgumentException("--max-connections-per-client must be at least 1");
        }
        if (headerTimeout == null || headerTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("--request-header-timeout-ms must be at least 100");
        }
        if (bodyTimeout == null || bodyTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("--request-body-timeout-ms must be at least 100");
        }
        return this;
    }
}

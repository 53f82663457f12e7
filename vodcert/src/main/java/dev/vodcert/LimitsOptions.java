package dev.vodcert;

import dev.vodcert.server.Limits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code serve} options of how the service holds up under load: throttling, the request queue, slow clients. */
final class LimitsOptions {
    @Option(names = "--throttle", description = "off (default), preset (the real service's 30 requests per second per user"
            + " and action) or RATE[/BURST] per AccessKey.", defaultValue = "off")
    String throttle;
    @Option(names = "--max-active-requests", description = "Requests handled at once (default 8 per core, at least 16).")
    int maxActiveRequests = Limits.DEFAULT_ACTIVE_REQUESTS;
    @Option(names = "--max-queued-requests", description = "Requests that may wait; more get ServiceUnavailable"
            + " (default ${DEFAULT-VALUE}).", defaultValue = "1024")
    int maxQueuedRequests;
    @Option(names = "--max-queue-wait-ms", description = "Longest wait in the queue (default ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    long maxQueueWaitMs;
    @Option(names = "--max-connections-per-client", description = "Connections one client address may hold; more are"
            + " closed as they open (default ${DEFAULT-VALUE}).", defaultValue = "256")
    int maxConnectionsPerClient;
    @Option(names = "--request-header-timeout-ms", description = "How long a request head may take once its first byte"
            + " has arrived; then the connection is closed (default ${DEFAULT-VALUE}).", defaultValue = "10000")
    long headerTimeoutMs;
    @Option(names = "--request-body-timeout-ms", description = "How long a request body may take after its head; then"
            + " the connection is closed (default ${DEFAULT-VALUE}).", defaultValue = "10000")
    long bodyTimeoutMs;

    Limits limits() {
        return Limits.defaults().withThrottle(throttle)
                .withQueue(maxActiveRequests, maxQueuedRequests, Duration.ofMillis(maxQueueWaitMs))
                .withSlowClients(maxConnectionsPerClient, Duration.ofMillis(headerTimeoutMs), Duration.ofMillis(bodyTimeoutMs));
    }
}

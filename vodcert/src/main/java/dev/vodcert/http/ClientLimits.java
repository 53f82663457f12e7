package dev.vodcert.http;

import java.time.Duration;

/**
 * What one client may hold of a listener ({@link SlowClients}).
 *
 * @param maxConnectionsPerClient the most connections one client address holds; one more is closed as it opens
 * @param headerTimeout how long a request head may take to arrive once its first byte has
 * @param bodyTimeout   how long a request body may take to arrive after its head (where bodies are read
 *                      before the request is handled: the API's listener)
 */
public record ClientLimits(int maxConnectionsPerClient, Duration headerTimeout, Duration bodyTimeout) {
    public static final ClientLimits DEFAULTS = new ClientLimits(256, Duration.ofSeconds(10), Duration.ofSeconds(10));
}

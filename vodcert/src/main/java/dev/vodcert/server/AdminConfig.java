package dev.vodcert.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The operators' listener ({@link AdminServer}: {@code /metrics}, {@code /admin/free-certificates},
 * {@code /admin/edge/certificates}, which carries private keys).
 * It listens on {@code host} (default {@code 127.0.0.1}) and {@code port} (default
 * {@value #DEFAULT_PORT}, cert-manager's metrics port; -1 turns it off). With a {@code token}
 * (environment {@code VODCERT_ADMIN_TOKEN}) every request must carry
 * {@code Authorization: Bearer <token>}; a non-loopback host requires one.
 */
public record AdminConfig(String host, int port, String token) {
    public static final int DEFAULT_PORT = 9402;

    public static AdminConfig defaults() {
        return new AdminConfig("127.0.0.1", DEFAULT_PORT, null);
    }

    public boolean enabled() {
        return port >= 0;
    }

    public void validate() {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("--admin-port must be 0-65535, or -1 for none; got " + port);
        }
        if (enabled() && (token == null || token.isEmpty()) && !loopback(host)) {
            throw new IllegalArgumentException("--admin-host " + host + " is not a loopback address: set "
                    + "VODCERT_ADMIN_TOKEN so that the admin endpoints require it");
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--admin-host " + host + " cannot be resolved");
        }
    }

    @Override
    public String toString() {
        return "AdminConfig[" + host + ":" + port + ", token=" + (token == null ? "-" : "***") + "]";
    }
}

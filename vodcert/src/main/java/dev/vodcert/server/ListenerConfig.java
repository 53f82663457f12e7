package dev.vodcert.server;

import java.nio.file.Path;

/**
 * The API's HTTP listener: where it listens, how large a request may be, and whether it speaks HTTPS.
 *
 * @param host           the listen address ({@code --host}, default {@code 127.0.0.1})
 * @param port           the port ({@code --port}, default {@value #DEFAULT_PORT}; 0 picks a free one)
 * @param maxBodyBytes   the largest request body accepted
 * @param maxHeaderBytes the largest request line plus headers accepted (the V1 SDK puts PEMs in the URL)
 * @param tlsKeystore    a PKCS12 keystore to serve the API over HTTPS with ({@code --tls-keystore}), or
 *                       null for plain HTTP
 * @param tlsKeystorePassword the keystore's password (from the environment; never printed)
 */
public record ListenerConfig(String host, int port, int maxBodyBytes, int maxHeaderBytes, Path tlsKeystore,
                             String tlsKeystorePassword) {
    public static final int DEFAULT_PORT = 8080;

    public static ListenerConfig defaults() {
        return new ListenerConfig("127.0.0.1", DEFAULT_PORT, 256 * 1024, 128 * 1024, null, null);
    }

    public ListenerConfig withAddress(String newHost, int newPort) {
        return new ListenerConfig(newHost, newPort, maxBodyBytes, maxHeaderBytes, tlsKeystore, tlsKeystorePassword);
    }

    public ListenerConfig withTls(Path keystore, String password) {
        return new ListenerConfig(host, port, maxBodyBytes, maxHeaderBytes, keystore, password);
    }

    /** Names the flag of a bad value. */
    public void validate() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0-65535, got " + port);
        }
        if (tlsKeystore != null && (tlsKeystorePassword == null || tlsKeystorePassword.isEmpty())) {
            throw new IllegalArgumentException("--tls-keystore " + tlsKeystore + " needs its password in the "
                    + "environment variable named by --tls-keystore-password-env");
        }
    }

    @Override
    public String toString() {
        return "listener[" + host + ":" + port + ", maxBody=" + maxBodyBytes + ", maxHeader=" + maxHeaderBytes
                + ", tlsKeystore=" + (tlsKeystore == null ? "-" : tlsKeystore) + ", tlsKeystorePassword="
                + (tlsKeystorePassword == null ? "-" : "***") + "]";
    }
}

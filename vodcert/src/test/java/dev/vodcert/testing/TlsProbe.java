package dev.vodcert.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Real TLS handshakes with the JDK's client against 127.0.0.1: SNI set to a name, the chain
 * verified up to the shared test CA ({@link TestCertificates#ca()}) and the name checked against
 * the certificate as HTTPS clients do. Returns the leaf the server presented.
 */
public final class TlsProbe {
    private static final int TIMEOUT_MS = 5_000;

    private TlsProbe() {
    }

    /** The leaf presented to a handshake naming {@code serverName}; a refused handshake throws. */
    public static X509Certificate presented(int port, String serverName) throws IOException {
        try (SSLSocket socket = (SSLSocket) context().getSocketFactory().createSocket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            SSLParameters p = socket.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(serverName)));
            p.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(p);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** The serial of {@link #presented}. */
    public static BigInteger serial(int port, String serverName) throws IOException {
        return presented(port, serverName).getSerialNumber();
    }

    /** Handshakes until the presented serial is {@code expected} (an edge reloading) or {@code within} passed. */
    public static BigInteger awaitSerial(int port, String serverName, BigInteger expected, Duration within)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            BigInteger seen;
            try {
                seen = serial(port, serverName);
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                seen = null;
            }
            if (expected.equals(seen) || Instant.now().isAfter(deadline)) {
                return seen;
            }
            Thread.sleep(50);
        }
    }

    /** Handshakes until one naming {@code serverName} is refused, or {@code within} passed; whether it was. */
    public static boolean awaitRefused(int port, String serverName, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            try {
                serial(port, serverName);
            } catch (IOException refused) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    private static SSLContext context() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("test-ca", TestCertificates.ca().cert());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

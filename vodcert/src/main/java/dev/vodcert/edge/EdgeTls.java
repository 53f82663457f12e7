package dev.vodcert.edge;

import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLParameters;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's TLS settings for the edge: the JDK's TLS (protocols and cipher suites as Jetty
 * restricts them by default), with the certificate chosen per handshake by {@link SniKeyManager}
 * instead of a key store, and server names checked by its SNI matcher. No client certificates.
 */
final class EdgeTls extends SslContextFactory.Server {
    private final SniKeyManager keys;

    EdgeTls(SniKeyManager keys) {
        this.keys = keys;
        try {
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            setKeyStore(empty);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make an empty key store", e);
        }
    }

    @Override
    protected KeyManager[] getKeyManagers(KeyStore keyStore) {
        return new KeyManager[] {keys};
    }

    @Override
    public SSLParameters customize(SSLParameters parameters) {
        SSLParameters customized = super.customize(parameters);
        customized.setSNIMatchers(List.of(keys.sniMatcher()));
        return customized;
    }
}

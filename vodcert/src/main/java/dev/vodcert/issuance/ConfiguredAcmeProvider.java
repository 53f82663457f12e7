package dev.vodcert.issuance;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.ServiceLoader;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.connector.Connection;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.provider.AcmeProvider;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.shredzone.acme4j.toolbox.JSON;

/**
 * The acme4j provider for the configured directory: the one acme4j itself would pick for the URI
 * ({@code acme://letsencrypt.org}, {@code acme://pebble/host:port}, or the generic one for an
 * {@code https://} URL), with two changes: when a trust store is configured, the HTTPS client trusts
 * exactly its CAs; and every request is reported to the {@link AcmeRequestListener}.
 */
final class ConfiguredAcmeProvider implements AcmeProvider {
    private final AcmeProvider delegate;
    private final SSLContext trust;
    private final AcmeRequestListener listener;

    /**
     * @param trust null to keep the provider's own trust (the JDK's; Pebble's built-in test CA)
     * @throws IllegalArgumentException when no provider accepts the URI
     */
    ConfiguredAcmeProvider(URI directory, SSLContext trust, AcmeRequestListener listener) {
        this.delegate = find(directory);
        this.trust = trust;
        this.listener = listener;
    }

    private static AcmeProvider find(URI directory) {
        for (AcmeProvider provider : ServiceLoader.load(AcmeProvider.class, AcmeProvider.class.getClassLoader())) {
            if (provider.accepts(directory)) {
                return provider;
            }
        }
        GenericAcmeProvider generic = new GenericAcmeProvider();
        if (generic.accepts(directory)) {
            return generic;
        }
        throw new IllegalArgumentException("--acme-directory " + directory + " names no known CA; use an https://"
                + " directory URL or one of acme://letsencrypt.org, acme://letsencrypt.org/staging,"
                + " acme://pebble/host:port");
    }

    @Override
    public HttpClient createHttpClient(NetworkSettings settings) {
        HttpClient base;
        if (trust == null) {
            base = delegate.createHttpClient(settings);
        } else {
            HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(settings.getTimeout()).proxy(settings.getProxySelector()).sslContext(trust);
            if (settings.getAuthenticator() != null) {
                builder.authenticator(settings.getAuthenticator());
            }
            base = builder.build();
        }
        return new MeasuredHttpClient(base, listener);
    }

    @Override
    public boolean accepts(URI serverUri) {
        return delegate.accepts(serverUri);
    }

    @Override
    public URL resolve(URI serverUri) {
        return delegate.resolve(serverUri);
    }

    @Override
    public Connection connect(URI serverUri, NetworkSettings settings, HttpClient httpClient) {
        return delegate.connect(serverUri, settings, httpClient);
    }

    @Override
    public JSON directory(Session session, URI serverUri) throws AcmeException {
        return delegate.directory(session, serverUri);
    }

    @Override
    public Challenge createChallenge(Login login, JSON data) {
        return delegate.createChallenge(login, data);
    }

    @Override
    public Optional<String> getProposedEabMacAlgorithm() {
        return delegate.getProposedEabMacAlgorithm();
    }
}

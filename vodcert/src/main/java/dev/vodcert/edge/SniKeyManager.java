package dev.vodcert.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the certificate of a handshake by its server name (SNI), from the {@link EdgeDirectory}:
 * the certificate of the domain deciding for that name, only when HTTPS is served for it, its key
 * is of the type the handshake asks for, and the negotiated TLS version is one the domain's
 * {@code https_tls_version} allows. Anything else (no SNI, an unknown name, a domain offline or
 * with HTTPS off, a TLS version the domain turned off) gets no certificate, which the JDK turns into a {@code handshake_failure} alert;
 * names are refused earlier, with {@code unrecognized_name}, by {@link #sniMatcher()}. The alias
 * names one certificate in one state, so the chain and the key of a handshake always belong
 * together even when the store changes in between. It never falls back to another certificate.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
    private final EdgeDirectory directory;
    private final Cache<String, KeyMaterial> chosen = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(1)).maximumSize(100_000).build();

    SniKeyManager(EdgeDirectory directory) {
        this.directory = directory;
    }

    /** Refuses, with a fatal {@code unrecognized_name} alert, a server name no served domain covers. */
    javax.net.ssl.SNIMatcher sniMatcher() {
        return new javax.net.ssl.SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                return name instanceof SNIHostName host && directory.tls(host.getAsciiName()).isPresent();
            }
        };
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    private String choose(String keyType, SSLSession session) {
        Optional<String> name = serverName(session);
        if (name.isEmpty()) {
            return null;
        }
        Optional<EdgeSite> site = directory.site(name.get());
        KeyMaterial tls = site.map(EdgeSite::tls).orElse(null);
        if (tls == null || !tls.keyType().equals(keyType) || !site.get().allows(session.getProtocol())) {
            return null;
        }
        ServedCertificate source = tls.source();
        String alias = source.certId() + "/" + source.updatedAt() + "/" + source.fingerprint();
        chosen.put(alias, tls);
        return alias;
    }

    private static Optional<String> serverName(SSLSession session) {
        if (!(session instanceof ExtendedSSLSession extended)) {
            return Optional.empty();
        }
        List<SNIServerName> names = extended.getRequestedServerNames();
        return names.stream().filter(n -> n instanceof SNIHostName).map(n -> ((SNIHostName) n).getAsciiName())
                .findFirst();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        KeyMaterial m = alias == null ? null : chosen.getIfPresent(alias);
        return m == null ? null : m.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        KeyMaterial m = alias == null ? null : chosen.getIfPresent(alias);
        return m == null ? null : m.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}

package dev.vodcert;

import dev.vodcert.server.AcmeConfig;
import dev.vodcert.server.ApiConfig;
import dev.vodcert.server.Config;
import dev.vodcert.server.ListenerConfig;
import dev.vodcert.server.NonceStore;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Every option of {@code serve}, and the one place where the command line becomes a {@link Config}
 * ({@link #config()}). Defaults not given here are the configuration groups' own.
 */
final class ServeOptions {
    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();
    @CommandLine.Mixin
    AcmeOptions acme = new AcmeOptions();
    @CommandLine.Mixin
    IssuanceOptions issuance = new IssuanceOptions();
    @CommandLine.Mixin
    LimitsOptions limits = new LimitsOptions();
    @CommandLine.Mixin
    EdgeOptions edge = new EdgeOptions();

    @Option(names = "--port", description = "Port (default ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;
    @Option(names = "--host", description = "Listen address (default ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;
    @Option(names = "--tls-keystore", description = "PKCS12 keystore: serve HTTPS instead of HTTP. "
            + "Env VODCERT_TLS_KEYSTORE.", defaultValue = "${env:VODCERT_TLS_KEYSTORE}")
    Path tlsKeystore;
    @Option(names = "--tls-keystore-password-env", description = "Environment variable holding the keystore "
            + "password (default ${DEFAULT-VALUE}).", defaultValue = "VODCERT_TLS_KEYSTORE_PASSWORD")
    String tlsPasswordEnv;
    @Option(names = "--cname-suffix", description = "Suffix of assigned CNAMEs (default ${DEFAULT-VALUE}).",
            defaultValue = "w.alikunlun.com")
    String cnameSuffix;
    @Option(names = "--domain-limit", description = "Domains per account (default ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int domainLimit;
    @Option(names = "--nonce-store", description = "Where SignatureNonces are kept: auto (database on "
            + "PostgreSQL, else memory), memory or database (default ${DEFAULT-VALUE}). Env VODCERT_NONCE_STORE.",
            defaultValue = "${env:VODCERT_NONCE_STORE:-auto}")
    NonceStore nonceStore;
    @Option(names = "--require-ownership", description = "The first domain under a root domain needs a passed "
            + "VerifyVodDomainOwner (default off).")
    boolean requireOwnership;
    @Option(names = "--ownership-resolver", description = "DNS resolver host:port for ownership checks "
            + "(default: the system's).")
    String ownershipResolver;
    @Option(names = "--ownership-timeout-ms", description = "Timeout of each ownership DNS query and file "
            + "fetch (default ${DEFAULT-VALUE}).", defaultValue = "5000")
    long ownershipTimeoutMs;
    @Option(names = "--ownership-http-port", description = "Port fileCheck fetches /verification.html from "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "80")
    int ownershipHttpPort;

    /** The configuration these options describe (not yet validated: {@link Config#validate()} names bad flags). */
    Config config() {
        Config defaults = store.config();
        ListenerConfig listener = defaults.listener().withAddress(host, port)
                .withTls(tlsKeystore, tlsKeystore == null ? null : Main.emptyToNull(System.getenv(tlsPasswordEnv)));
        ApiConfig api = defaults.api().withCnameSuffix(cnameSuffix).withDomainLimit(domainLimit)
                .withNonceStore(nonceStore)
                .withOwnership(new ApiConfig.Ownership(requireOwnership, Main.emptyToNull(ownershipResolver),
                        Duration.ofMillis(ownershipTimeoutMs), ownershipHttpPort));
        return defaults.withListener(listener).withApi(api)
                .withAcme(new AcmeConfig(acme.settings(), acme.http01Host, acme.http01Port))
                .withIssuance(issuance.issuanceConfig(acme.directory)).withAdmin(issuance.adminConfig())
                .withLimits(limits.limits());
    }
}

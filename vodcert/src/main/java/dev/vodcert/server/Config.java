package dev.vodcert.server;

import dev.vodcert.issuance.AcmeSettings;
import dev.vodcert.ownership.DnsLookup;
import dev.vodcert.store.JdbcUrls;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything vodcert can be told, with every default in {@link #defaults(Path)}. Built in
 * {@code Main} from flags and environment; each component gets only the values it uses.
 *
 * @param jdbcUrl     null for the embedded H2 database in {@code dataDir}
 * @param dbPoolSize  the most database connections this node holds
 * @param masterKey   base64 of 32 bytes ({@code VODCERT_MASTER_KEY}), or null to use/generate
 *                    {@code dataDir/master.key}
 * @param cnameSuffix the suffix of each domain's assigned CNAME, as in {@code example.com.w.alikunlun.com}
 * @param timestampWindow how far a request's timestamp may differ from the server clock
 * @param domainLimit the most domains one account may have
 * @param maxBodyBytes the largest request body accepted
 * @param maxHeaderBytes the largest request line plus headers accepted (the V1 SDK puts PEMs in the URL)
 * @param ownership   the ownership verification of root domains (see {@link Ownership})
 * @param acme        the ACME CA to issue free certificates from, or null for none ({@code --acme-directory})
 * @param http01Host  where the ACME HTTP-01 listener binds (the CA must reach it; default all addresses)
 * @param http01Port  the HTTP-01 listener's port, 80 by default (the CA always validates on port 80,
 *                    so another port needs a forward from 80); 0 disables the listener
 * @param nonceStore  where SignatureNonces are remembered ({@link NonceStore#AUTO}: the database on PostgreSQL)
 * @param tlsKeystore a PKCS12 keystore to serve the API over HTTPS with, or null for plain HTTP
 * @param tlsKeystorePassword the keystore's password (from the environment; never printed)
 * @param issuance    how free certificates are issued
 * @param admin       the operators' listener (metrics, free certificate status)
 */
public record Config(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword,
                     int dbPoolSize, String masterKey, String accessKeyId, String accessKeySecret,
                     String cnameSuffix, String certRegion, Duration timestampWindow, int domainLimit,
                     int maxBodyBytes, int maxHeaderBytes, Ownership ownership, AcmeSettings acme,
                     String http01Host, int http01Port, NonceStore nonceStore, Path tlsKeystore,
                     String tlsKeystorePassword, IssuanceConfig issuance, AdminConfig admin) {

    public static final int DEFAULT_PORT = 8080;

    public static Config defaults(Path dataDir) {
        return new Config("127.0.0.1", DEFAULT_PORT, dataDir, null, null, null, 10, null, null, null,
                "w.alikunlun.com", "cn-hangzhou", Duration.ofMinutes(15), 20, 256 * 1024, 128 * 1024,
                Ownership.DEFAULT, null, "0.0.0.0", 80, NonceStore.AUTO, null, null,
                IssuanceConfig.defaults(), AdminConfig.defaults());
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes,
                maxHeaderBytes, ownership, acme, http01Host, http01Port, nonceStore, tlsKeystore,
                tlsKeystorePassword, issuance, admin);
    }

    public Config withAccessKey(String id, String secret) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, id, secret,
                cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes, maxHeaderBytes, ownership,
                acme, http01Host, http01Port, nonceStore, tlsKeystore, tlsKeystorePassword, issuance, admin);
    }

    public Config withOwnership(Ownership newOwnership) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes,
                maxHeaderBytes, newOwnership, acme, http01Host, http01Port, nonceStore, tlsKeystore,
                tlsKeystorePassword, issuance, admin);
    }

    /** The ACME issuer from {@code acme} and its HTTP-01 listener on {@code host:port}. */
    public Config withAcme(AcmeSettings settings, String listenHost, int listenPort) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes,
                maxHeaderBytes, ownership, settings, listenHost, listenPort, nonceStore, tlsKeystore,
                tlsKeystorePassword, issuance, admin);
    }

    /** The same, on another database (a JDBC URL with its user and password; null URL: the embedded H2). */
    public Config withDatabase(String url, String user, String password, int poolSize) {
        return new Config(host, port, dataDir, url, user, password, poolSize, masterKey, accessKeyId, accessKeySecret,
                cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes, maxHeaderBytes, ownership,
                acme, http01Host, http01Port, nonceStore, tlsKeystore, tlsKeystorePassword, issuance, admin);
    }

    public Config withMasterKey(String base64) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, base64, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes,
                maxHeaderBytes, ownership, acme, http01Host, http01Port, nonceStore, tlsKeystore,
                tlsKeystorePassword, issuance, admin);
    }

    public Config withNonceStore(NonceStore store) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes,
                maxHeaderBytes, ownership, acme, http01Host, http01Port, store, tlsKeystore,
                tlsKeystorePassword, issuance, admin);
    }

    public Config withTls(Path keystore, String password) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes,
                maxHeaderBytes, ownership, acme, http01Host, http01Port, nonceStore, keystore, password, issuance, admin);
    }

    public Config withIssuance(IssuanceConfig newIssuance) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes, maxHeaderBytes,
                ownership, acme, http01Host, http01Port, nonceStore, tlsKeystore, tlsKeystorePassword, newIssuance,
                admin);
    }

    public Config withAdmin(AdminConfig newAdmin) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes, maxHeaderBytes,
                ownership, acme, http01Host, http01Port, nonceStore, tlsKeystore, tlsKeystorePassword, issuance,
                newAdmin);
    }

    /** Checks values that would fail later in a less clear way; names the bad setting. */
    public Config validate() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if (dbPoolSize < 1) {
            throw new IllegalArgumentException("db pool size must be at least 1");
        }
        if (cnameSuffix == null || cnameSuffix.isBlank() || cnameSuffix.startsWith(".")) {
            throw new IllegalArgumentException("cname suffix must be a domain such as w.alikunlun.com");
        }
        if (domainLimit < 1) {
            throw new IllegalArgumentException("domain limit must be at least 1");
        }
        if (ownership.resolver() != null) {
            DnsLookup.address(ownership.resolver());
        }
        if (ownership.timeout().isNegative() || ownership.timeout().isZero()
                || ownership.timeout().compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("ownership timeout must be above 0 and at most 60 s");
        }
        if (ownership.httpPort() < 1 || ownership.httpPort() > 65535) {
            throw new IllegalArgumentException("ownership http port must be 1-65535, got " + ownership.httpPort());
        }
        if (http01Port < 0 || http01Port > 65535) {
            throw new IllegalArgumentException("--http01-port must be 0-65535 (0 disables it), got " + http01Port);
        }
        if (nonceStore == null) {
            throw new IllegalArgumentException("nonce store must be auto, memory or database");
        }
        if (tlsKeystore != null && (tlsKeystorePassword == null || tlsKeystorePassword.isEmpty())) {
            throw new IllegalArgumentException("the TLS keystore " + tlsKeystore + " needs its password in the "
                    + "environment variable named by --tls-keystore-password-env");
        }
        issuance.validate();
        admin.validate();
        return this;
    }

    @Override
    public String toString() {
        return "Config[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", jdbcUrl="
                + (jdbcUrl == null ? "(embedded H2)" : JdbcUrls.masked(jdbcUrl))
                + ", dbUser=" + dbUser + ", dbPassword=" + (dbPassword == null ? "-" : "***")
                + ", masterKey=" + (masterKey == null ? "(file)" : "***") + ", cnameSuffix=" + cnameSuffix
                + ", ownership=" + ownership + ", acme=" + (acme == null ? "(none)" : acme) + ", http01="
                + http01Host + ":" + http01Port + ", nonceStore=" + nonceStore + ", tlsKeystore="
                + (tlsKeystore == null ? "-" : tlsKeystore) + ", tlsKeystorePassword="
                + (tlsKeystorePassword == null ? "-" : "***") + ", issuer=" + issuance.issuer() + ", " + admin + "]";
    }

    /**
     * Ownership verification of root domains.
     *
     * @param required whether the first AddVodDomain under a root domain needs a passed check (off by
     *                 default, so that emulator users are not blocked)
     * @param resolver the DNS resolver both checks ask, {@code host:port}; null for the system's
     * @param timeout  the limit of each DNS query and of the whole file fetch
     * @param httpPort the port {@code fileCheck} fetches {@code /verification.html} from
     */
    public record Ownership(boolean required, String resolver, Duration timeout, int httpPort) {
        public static final Ownership DEFAULT = new Ownership(false, null, Duration.ofSeconds(5), 80);
    }
}

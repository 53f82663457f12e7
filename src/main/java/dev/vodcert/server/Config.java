package dev.vodcert.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything vodcert can be told, with every default in {@link #defaults(Path)}. Built in
 * {@code Main} from flags and environment; each component gets only the values it uses.
 *
 * @param jdbcUrl     null for the embedded H2 database in {@code dataDir}
 * @param masterKey   base64 of 32 bytes ({@code VODCERT_MASTER_KEY}), or null to use/generate
 *                    {@code dataDir/master.key}
 * @param cnameSuffix the suffix of each domain's assigned CNAME, as in {@code example.com.w.alikunlun.com}
 * @param timestampWindow how far a request's timestamp may differ from the server clock
 * @param domainLimit the most domains one account may have
 * @param maxBodyBytes the largest request body accepted
 * @param maxHeaderBytes the largest request line plus headers accepted (the V1 SDK puts PEMs in the URL)
 * @param issuance how free certificates are issued
 * @param admin the operators' listener (metrics, free certificate status)
 */
public record Config(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword,
                     int dbPoolSize, String masterKey, String accessKeyId, String accessKeySecret,
                     String cnameSuffix, String certRegion, Duration timestampWindow, int domainLimit,
                     int maxBodyBytes, int maxHeaderBytes, IssuanceConfig issuance, AdminConfig admin) {

    public static final int DEFAULT_PORT = 8080;

    public static Config defaults(Path dataDir) {
        return new Config("127.0.0.1", DEFAULT_PORT, dataDir, null, null, null, 10, null, null, null,
                "w.alikunlun.com", "cn-hangzhou", Duration.ofMinutes(15), 20, 256 * 1024, 128 * 1024,
                IssuanceConfig.defaults(), AdminConfig.defaults());
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes, maxHeaderBytes,
                issuance, admin);
    }

    public Config withAccessKey(String id, String secret) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, id, secret,
                cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes, maxHeaderBytes, issuance, admin);
    }

    public Config withIssuance(IssuanceConfig newIssuance) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes, maxHeaderBytes,
                newIssuance, admin);
    }

    public Config withAdmin(AdminConfig newAdmin) {
        return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, dbPoolSize, masterKey, accessKeyId,
                accessKeySecret, cnameSuffix, certRegion, timestampWindow, domainLimit, maxBodyBytes, maxHeaderBytes,
                issuance, newAdmin);
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
        issuance.validate();
        admin.validate();
        return this;
    }

    @Override
    public String toString() {
        return "Config[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", jdbcUrl="
                + (jdbcUrl == null ? "(embedded H2)" : jdbcUrl.replaceAll("password=[^&;]*", "password=***"))
                + ", dbUser=" + dbUser + ", dbPassword=" + (dbPassword == null ? "-" : "***")
                + ", masterKey=" + (masterKey == null ? "(file)" : "***") + ", cnameSuffix=" + cnameSuffix
                + ", issuer=" + issuance.issuer() + ", " + admin + "]";
    }
}

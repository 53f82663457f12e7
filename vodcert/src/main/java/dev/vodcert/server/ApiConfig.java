package dev.vodcert.server;

import dev.vodcert.ownership.DnsLookup;
import java.time.Duration;

/**
 * How the API behaves towards its callers.
 *
 * @param cnameSuffix     the suffix of each domain's assigned CNAME, as in {@code example.com.w.alikunlun.com}
 *                        ({@code --cname-suffix})
 * @param certRegion      the region written in {@code CertRegion} and certificate identifiers
 * @param timestampWindow how far a request's timestamp may differ from the server clock
 * @param domainLimit     the most domains one account may have ({@code --domain-limit})
 * @param nonceStore      where SignatureNonces are remembered ({@code --nonce-store})
 * @param ownership       the ownership verification of root domains
 */
public record ApiConfig(String cnameSuffix, String certRegion, Duration timestampWindow, int domainLimit,
                        NonceStore nonceStore, Ownership ownership) {

    public static ApiConfig defaults() {
        return new ApiConfig("w.alikunlun.com", "cn-hangzhou", Duration.ofMinutes(15), 20, NonceStore.AUTO,
                Ownership.DEFAULT);
    }

    public ApiConfig withCnameSuffix(String suffix) {
        return new ApiConfig(suffix, certRegion, timestampWindow, domainLimit, nonceStore, ownership);
    }

    public ApiConfig withDomainLimit(int limit) {
        return new ApiConfig(cnameSuffix, certRegion, timestampWindow, limit, nonceStore, ownership);
    }

    public ApiConfig withNonceStore(NonceStore store) {
        return new ApiConfig(cnameSuffix, certRegion, timestampWindow, domainLimit, store, ownership);
    }

    public ApiConfig withOwnership(Ownership newOwnership) {
        return new ApiConfig(cnameSuffix, certRegion, timestampWindow, domainLimit, nonceStore, newOwnership);
    }

    /** Names the flag of a bad value. */
    public void validate() {
        if (cnameSuffix == null || cnameSuffix.isBlank() || cnameSuffix.startsWith(".")) {
            throw new IllegalArgumentException("--cname-suffix must be a domain such as w.alikunlun.com");
        }
        if (domainLimit < 1) {
            throw new IllegalArgumentException("--domain-limit must be at least 1, got " + domainLimit);
        }
        if (nonceStore == null) {
            throw new IllegalArgumentException("--nonce-store must be auto, memory or database");
        }
        ownership.validate();
    }

    /**
     * Ownership verification of root domains.
     *
     * @param required whether the first AddVodDomain under a root domain needs a passed check (off by
     *                 default, so that emulator users are not blocked; {@code --require-ownership})
     * @param resolver the DNS resolver both checks ask, {@code host:port}; null for the system's
     * @param timeout  the limit of each DNS query and of the whole file fetch
     * @param httpPort the port {@code fileCheck} fetches {@code /verification.html} from
     */
    public record Ownership(boolean required, String resolver, Duration timeout, int httpPort) {
        public static final Ownership DEFAULT = new Ownership(false, null, Duration.ofSeconds(5), 80);

        void validate() {
            if (resolver != null) {
                DnsLookup.address(resolver);
            }
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("--ownership-timeout-ms must be above 0 and at most 60000");
            }
            if (httpPort < 1 || httpPort > 65535) {
                throw new IllegalArgumentException("--ownership-http-port must be 1-65535, got " + httpPort);
            }
        }
    }
}

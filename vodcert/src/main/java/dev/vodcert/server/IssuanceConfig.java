package dev.vodcert.server;

import dev.vodcert.issuance.Issuers;
import dev.vodcert.issuance.LifecycleTiming;
import dev.vodcert.issuance.RateLimits;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How free certificates are issued, with every default in {@link #defaults()}.
 *
 * @param issuer {@code local-ca} (default) or {@code acme}
 * @param acmeDirectory the ACME directory URL, required with {@code acme}
 * @param dnsResolver {@code host:port} of the resolver the CNAME check asks; null for the
 *     system's first name server
 * @param dnsTimeout how long one CNAME query may take
 * @param rateLimits the CA's limits the lifecycle keeps to (default Let's Encrypt's)
 * @param runLoop whether the server runs the lifecycle loop thread (tests drive it themselves)
 * @param nodeId this node's name in leases; null for a random one per start
 * @param leaseTtl how long a node's lease on a domain's work lasts without a heartbeat
 *     ({@code --lease-seconds}; default {@value LifecycleTiming#LEASE_TTL_SECONDS} s): the time
 *     another node waits before it takes over the work of a node that died
 */
public record IssuanceConfig(String issuer, String acmeDirectory, String dnsResolver, Duration dnsTimeout,
                             RateLimits rateLimits, boolean runLoop, String nodeId, Duration leaseTtl) {
    /** The longest lease {@code --lease-seconds} takes: one day. */
    public static final long MAX_LEASE_SECONDS = 86_400;
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+\\]:\\d{1,5}");

    /** With the default lease duration. */
    public IssuanceConfig(String issuer, String acmeDirectory, String dnsResolver, Duration dnsTimeout,
                          RateLimits rateLimits, boolean runLoop, String nodeId) {
        this(issuer, acmeDirectory, dnsResolver, dnsTimeout, rateLimits, runLoop, nodeId, LifecycleTiming.leaseTtl());
    }

    public static IssuanceConfig defaults() {
        return new IssuanceConfig(Issuers.LOCAL_CA, null, null, Duration.ofSeconds(5), RateLimits.LETS_ENCRYPT, true,
                null);
    }

    public IssuanceConfig withDnsResolver(String hostPort) {
        return new IssuanceConfig(issuer, acmeDirectory, hostPort, dnsTimeout, rateLimits, runLoop, nodeId, leaseTtl);
    }

    public IssuanceConfig withRunLoop(boolean run) {
        return new IssuanceConfig(issuer, acmeDirectory, dnsResolver, dnsTimeout, rateLimits, run, nodeId, leaseTtl);
    }

    public IssuanceConfig withRateLimits(RateLimits limits) {
        return new IssuanceConfig(issuer, acmeDirectory, dnsResolver, dnsTimeout, limits, runLoop, nodeId, leaseTtl);
    }

    public IssuanceConfig withLeaseTtl(Duration ttl) {
        return new IssuanceConfig(issuer, acmeDirectory, dnsResolver, dnsTimeout, rateLimits, runLoop, nodeId, ttl);
    }

    /** Names the bad setting. */
    public void validate() {
        if (!Issuers.LOCAL_CA.equals(issuer) && !Issuers.ACME.equals(issuer)) {
            throw new IllegalArgumentException("--issuer must be local-ca or acme, not " + issuer);
        }
        if (Issuers.ACME.equals(issuer) && (acmeDirectory == null || acmeDirectory.isBlank())) {
            throw new IllegalArgumentException("--issuer acme needs --acme-directory (the CA's directory URL)");
        }
        if (dnsResolver != null && !HOST_PORT.matcher(dnsResolver).matches()) {
            throw new IllegalArgumentException("--dns-resolver must be host:port, such as 127.0.0.1:53, not "
                    + dnsResolver);
        }
        if (leaseTtl == null || leaseTtl.toMillis() < 1000 || leaseTtl.toSeconds() > MAX_LEASE_SECONDS) {
            throw new IllegalArgumentException("--lease-seconds must be from 1 to " + MAX_LEASE_SECONDS + ", not "
                    + (leaseTtl == null ? "empty" : leaseTtl.toSeconds()));
        }
        if (dnsTimeout.isNegative() || dnsTimeout.isZero()) {
            throw new IllegalArgumentException("--dns-timeout-ms must be positive");
        }
    }
}

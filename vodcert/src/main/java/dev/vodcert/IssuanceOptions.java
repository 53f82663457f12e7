package dev.vodcert;

import dev.vodcert.issuance.RateLimits;
import dev.vodcert.server.AdminConfig;
import dev.vodcert.server.IssuanceConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code serve} options of free certificates and of the operators' listener. */
final class IssuanceOptions {
    @Option(names = "--issuer", description = "Who issues free certificates: local-ca (built-in, default) or acme.",
            defaultValue = "local-ca")
    String issuer;
    @Option(names = "--dns-resolver", description = "host:port of the DNS resolver for CNAME checks "
            + "(default: the system's first name server).")
    String dnsResolver;
    @Option(names = "--dns-timeout-ms", description = "Timeout of one CNAME query (default ${DEFAULT-VALUE}).",
            defaultValue = "5000")
    long dnsTimeoutMs;
    @Option(names = "--rate-limits", description = "CA rate limits preset: letsencrypt (default) or none.",
            defaultValue = "letsencrypt")
    String rateLimits;
    @Option(names = "--rate-limit-orders", description = "Orders per account and window, e.g. 300/3h.")
    String ordersLimit;
    @Option(names = "--rate-limit-domain", description = "New certificates per registered domain and window, e.g. 50/7d.")
    String domainLimit;
    @Option(names = "--lease-seconds", description = "How long a node's lease on a domain's free-certificate work "
            + "lasts without a heartbeat (every quarter of it); after a node dies, another takes its work over once"
            + " this has passed (default ${DEFAULT-VALUE}).", defaultValue = "120")
    long leaseSeconds;
    @Option(names = "--node-id", description = "This node's name in free-certificate leases (default: node- and 8 "
            + "random hex digits, new at every start). Env VODCERT_NODE_ID.", defaultValue = "${env:VODCERT_NODE_ID}")
    String nodeId;
    @Option(names = "--admin-host", description = "Listen address of /metrics and /admin (default ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    String adminHost;
    @Option(names = "--admin-port", description = "Port of /metrics and /admin; -1 for none (default ${DEFAULT-VALUE}).",
            defaultValue = "9402")
    int adminPort;

    /** @param acmeDirectory {@code --acme-directory}, which the ACME options own */
    IssuanceConfig issuanceConfig(String acmeDirectory) {
        RateLimits limits = RateLimits.preset(rateLimits);
        if (ordersLimit != null) {
            limits = limits.withOrders(ordersLimit);
        }
        if (domainLimit != null) {
            limits = limits.withDomain(domainLimit);
        }
        return new IssuanceConfig(issuer, acmeDirectory, dnsResolver, Duration.ofMillis(dnsTimeoutMs), limits, true,
                Main.emptyToNull(nodeId), Duration.ofSeconds(leaseSeconds));
    }

    AdminConfig adminConfig() {
        return new AdminConfig(adminHost, adminPort, Main.emptyToNull(System.getenv("VODCERT_ADMIN_TOKEN")));
    }
}

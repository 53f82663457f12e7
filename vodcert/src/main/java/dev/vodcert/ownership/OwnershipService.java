package dev.vodcert.ownership;

import dev.vodcert.api.VodErrors;
import dev.vodcert.domain.DomainName;
import dev.vodcert.store.DomainStore;
import dev.vodcert.store.OwnershipStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ownership of root domains, per account: the content to publish (made on first request, then
 * stable), the checks that look for it, and the rule that the first {@code AddVodDomain} under a
 * root domain needs a passed check. The rule holds only when {@code required} (configuration;
 * off by default so that emulator users are not blocked); an account that already has a domain
 * under the root, or has verified it, passes. Each account verifies on its own.
 */
public final class OwnershipService {
    private static final Logger LOG = LoggerFactory.getLogger(OwnershipService.class);

    private final OwnershipStore store;
    private final DomainStore domains;
    private final DnsCheck dnsCheck;
    private final FileCheck fileCheck;
    private final boolean required;
    private final Clock clock;

    /**
     * @param resolver address of the DNS resolver ({@code host:port}), null for the system's
     * @param httpPort the port {@code fileCheck} fetches from (80 but in tests)
     */
    public OwnershipService(OwnershipStore store, DomainStore domains, boolean required, String resolver,
                            java.time.Duration timeout, int httpPort, Clock clock) {
        DnsLookup dns = new DnsLookup(resolver, timeout);
        this.store = store;
        this.domains = domains;
        this.dnsCheck = new DnsCheck(dns);
        this.fileCheck = new FileCheck(dns, new OriginFile(httpPort, timeout));
        this.required = required;
        this.clock = clock;
    }

    /** The content the account publishes to prove it owns the root domain of {@code name}. */
    public String content(long accountId, DomainName name) {
        return store.findOrCreate(accountId, name.rootDomain(), VerifyContent::fresh, clock.millis()).content();
    }

    /** Runs the check; on success records the root domain as verified and returns the content. */
    public String verify(long accountId, DomainName name, VerifyType type) {
        String root = name.rootDomain();
        String content = content(accountId, name);
        try {
            switch (type) {
                case DNS_CHECK -> dnsCheck.check(root, content);
                case FILE_CHECK -> fileCheck.check(name.isWildcard() ? root : name.ascii(), content);
                default -> throw new IllegalArgumentException(type.toString());
            }
        } catch (RuntimeException e) {
            LOG.info("Ownership check {} of {} for account {} failed: {}", type.wire(), root, accountId,
                    e.getMessage());
            throw e;
        }
        store.markVerified(accountId, root, type.wire(), clock.millis());
        LOG.info("Ownership check {} of {} for account {} passed", type.wire(), root, accountId);
        return content;
    }

    /** Refuses the first domain under an unverified root domain, when configuration requires it. */
    public void requireFor(long accountId, DomainName name) {
        if (!required) {
            return;
        }
        String root = name.rootDomain();
        boolean verified = store.find(accountId, root).map(OwnershipStore.Ownership::verified).orElse(false);
        if (verified || domains.hasDomainUnder(accountId, root)) {
            return;
        }
        throw VodErrors.DOMAIN_OWNER_VERIFY_FAIL.exception(VodErrors.DOMAIN_OWNER_VERIFY_FAIL.message()
                + " The root domain " + root + " is not verified for this account: publish the Content of "
                + "DescribeVodVerifyContent as a TXT record at " + DnsCheck.LABEL + "." + root
                + " (or as the file http://" + (name.isWildcard() ? root : name.ascii()) + FileCheck.PATH
                + "), then call VerifyVodDomainOwner.");
    }
}

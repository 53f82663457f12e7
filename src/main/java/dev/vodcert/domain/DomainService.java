package dev.vodcert.domain;

import dev.vodcert.api.VodErrors;
import dev.vodcert.store.DomainStore;
import java.time.Clock;
import java.util.List;

/**
 * Accelerated domains of an account: adding one (name rules, origins, the assigned CNAME, the
 * per-account limit) and finding one. A domain of another account, or a name that cannot exist,
 * is {@code InvalidDomain.NotFound}: callers cannot tell the two apart.
 */
public final class DomainService {
    private final DomainStore store;
    private final Clock clock;
    private final String cnameSuffix;
    private final int domainLimit;

    public DomainService(DomainStore store, Clock clock, String cnameSuffix, int domainLimit) {
        this.store = store;
        this.clock = clock;
        this.cnameSuffix = cnameSuffix;
        this.domainLimit = domainLimit;
    }

    /** Adds a domain, online at once (the emulator has no review step; see README). */
    public VodDomain add(long accountId, DomainName name, List<Source> sources, Scope scope, String checkUrl,
                         String topLevelDomain) {
        if (store.countByAccount(accountId) >= domainLimit) {
            throw VodErrors.DOMAIN_LIMIT_EXCEEDED.exception(VodErrors.DOMAIN_LIMIT_EXCEEDED.message()
                    + " The limit is " + domainLimit + " domains.");
        }
        long now = clock.millis();
        VodDomain domain = new VodDomain(0, accountId, name.ascii(), CnameTarget.of(name, cnameSuffix),
                DomainStatus.ONLINE.wire(), scope.wire(), Sources.toJson(sources), checkUrl, topLevelDomain, null,
                "off", null, null, null, now, now);
        if (!store.insert(domain)) {
            throw VodErrors.DOMAIN_ALREADY_EXIST.exception();
        }
        return domain;
    }

    /** The caller's domain by the name a request gave, in any case, Unicode or ASCII. */
    public VodDomain get(long accountId, String rawName) {
        return store.find(accountId, lookupName(rawName)).orElseThrow(VodErrors.INVALID_DOMAIN_NOT_FOUND::exception);
    }

    /** The stored (ASCII) form of a requested name; a name that cannot exist is not found. */
    public static String lookupName(String rawName) {
        try {
            return DomainName.parse(rawName.toLowerCase(java.util.Locale.ROOT)).ascii();
        } catch (RuntimeException e) {
            throw VodErrors.INVALID_DOMAIN_NOT_FOUND.exception();
        }
    }

    public void setHttps(VodDomain domain, boolean on) {
        store.setSslProtocol(domain.id(), on ? "on" : "off", clock.millis());
    }
}

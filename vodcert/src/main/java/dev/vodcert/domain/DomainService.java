package dev.vodcert.domain;

import dev.vodcert.api.VodErrors;
import dev.vodcert.store.DomainStore;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accelerated domains of an account: adding one (name rules, origins, the assigned CNAME, the
 * per-account limit), finding, changing, starting, stopping and deleting them. A domain of another
 * account, or a name that cannot exist, is {@code InvalidDomain.NotFound}: callers cannot tell the
 * two apart. A domain being configured or checked refuses changes with {@code ServiceBusy}; an
 * offline domain refuses changes to its origins with {@code IllegalOperation} until it is started.
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
        long now = clock.millis();
        VodDomain domain = new VodDomain(0, accountId, name.ascii(), CnameTarget.of(name, cnameSuffix),
                DomainStatus.ONLINE.wire(), scope.wire(), Sources.toJson(sources), checkUrl, topLevelDomain, null,
                "off", null, null, null, now, now);
        return switch (store.insertWithinLimit(domain, domainLimit)) {
            case ADDED -> domain;
            case LIMIT_REACHED -> throw VodErrors.DOMAIN_LIMIT_EXCEEDED.exception(
                    VodErrors.DOMAIN_LIMIT_EXCEEDED.message() + " The limit is " + domainLimit + " domains.");
            case NAME_TAKEN -> throw VodErrors.DOMAIN_ALREADY_EXIST.exception();
        };
    }

    /** The caller's domain by the name a request gave, in any case, Unicode or ASCII. */
    public VodDomain get(long accountId, String rawName) {
        return store.find(accountId, lookupName(rawName)).orElseThrow(VodErrors.INVALID_DOMAIN_NOT_FOUND::exception);
    }

    /**
     * The caller's domain for a change of its certificate or HTTPS switch: a stopped
     * ({@code offline}) domain refuses every such change with {@code InvalidDomain.Offline}, as
     * the real service does, until it is started again.
     */
    public VodDomain getForCertificateChange(long accountId, String rawName) {
        VodDomain domain = get(accountId, rawName);
        refuseIfOffline(domain, "changing its certificate");
        return domain;
    }

    /** {@code InvalidDomain.Offline} for a stopped domain, naming it and what was asked. */
    public static void refuseIfOffline(VodDomain domain, String what) {
        if (DomainStatus.OFFLINE.wire().equals(domain.domainStatus())) {
            throw VodErrors.INVALID_DOMAIN_OFFLINE.exception(VodErrors.INVALID_DOMAIN_OFFLINE.message() + " The domain "
                    + domain.domainName() + " is stopped; start it with BatchStartVodDomain before " + what + ".");
        }
    }

    /** The stored (ASCII) form of a requested name; a name that cannot exist is not found. */
    public static String lookupName(String rawName) {
        try {
            return DomainName.asciiOf(rawName.toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw VodErrors.INVALID_DOMAIN_NOT_FOUND.exception();
        }
    }

    public void setHttps(VodDomain domain, boolean on) {
        store.setSslProtocol(domain.id(), on ? "on" : "off", clock.millis());
    }

    /** New origins and/or top-level domain; a null argument keeps what is stored. */
    public void update(long accountId, String rawName, List<Source> sources, String topLevelDomain) {
        VodDomain domain = get(accountId, rawName);
        refuseIfBusy(domain);
        if (DomainStatus.OFFLINE.wire().equals(domain.domainStatus())) {
            throw VodErrors.ILLEGAL_OPERATION.exception(VodErrors.ILLEGAL_OPERATION.message() + " The domain "
                    + domain.domainName() + " is offline; start it with BatchStartVodDomain before changing it.");
        }
        store.updateOrigins(domain.id(), sources == null ? domain.sources() : Sources.toJson(sources),
                topLevelDomain == null ? domain.topLevelDomain() : topLevelDomain, clock.millis());
    }

    /** Deletes the domain, its tags and its certificate unless that is a {@code cas} one (see DomainStore). */
    public void delete(long accountId, String rawName) {
        store.delete(get(accountId, rawName));
    }

    /**
     * Sets {@code status} on every named domain (stored forms, see {@link DomainNameList}) or on
     * none: a name that is not the caller's is {@code InvalidDomain.NotFound} naming it, a busy
     * domain is {@code ServiceBusy}.
     */
    public void setStatus(long accountId, List<String> names, DomainStatus status) {
        store.setStatus(accountId, names, status.wire(), clock.millis(), found -> {
            requireAll(names, found);
            found.forEach(DomainService::refuseIfBusy);
        });
    }

    /** Refuses with {@code InvalidDomain.NotFound}, naming them, when some names were not found. */
    static void requireAll(List<String> names, List<VodDomain> found) {
        Set<String> present = found.stream().map(VodDomain::domainName).collect(Collectors.toSet());
        List<String> missing = names.stream().filter(n -> !present.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw VodErrors.INVALID_DOMAIN_NOT_FOUND.exception(VodErrors.INVALID_DOMAIN_NOT_FOUND.message()
                    + " Not found: " + missing.stream().map(Echo::of).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static void refuseIfBusy(VodDomain domain) {
        String status = domain.domainStatus();
        if (DomainStatus.CONFIGURING.wire().equals(status) || DomainStatus.CHECKING.wire().equals(status)) {
            throw VodErrors.SERVICE_BUSY.exception(VodErrors.SERVICE_BUSY.message() + " The domain "
                    + domain.domainName() + " is " + status + ".");
        }
    }
}

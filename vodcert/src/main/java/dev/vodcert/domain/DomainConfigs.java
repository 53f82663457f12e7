package dev.vodcert.domain;

import dev.vodcert.api.VodErrors;
import dev.vodcert.store.DomainConfigStore;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration rules of an account's accelerated domains ({@code BatchSetVodDomainConfigs},
 * {@code DescribeVodDomainConfigs}, {@code DeleteVodSpecificConfig}), and the HTTPS policy they
 * make for each domain ({@link #httpsPolicy(String)}), which is what an HTTPS edge enforces.
 * Every named domain must be the caller's ({@code InvalidDomain.NotFound} otherwise, nothing
 * changed); a {@code ConfigId} that is not a rule of the domain is {@code ConfigNotFound}.
 */
public final class DomainConfigs {
    private static final Set<String> HTTPS_FUNCTIONS = Set.of(ConfigFunctions.HTTPS_FORCE,
            ConfigFunctions.HTTP_FORCE, ConfigFunctions.HTTPS_OPTION, ConfigFunctions.HTTPS_TLS_VERSION,
            ConfigFunctions.HSTS, ConfigFunctions.SET_REQ_HOST_HEADER);

    private final DomainConfigStore store;
    private final DomainService domains;
    private final Clock clock;

    public DomainConfigs(DomainConfigStore store, DomainService domains, Clock clock) {
        this.store = store;
        this.domains = domains;
        this.clock = clock;
    }

    /**
     * Stores the rules on every named domain (stored forms, see {@link DomainNameList}), all or
     * none. Rules are checked first ({@code InvalidArgValue.Malformed}); a function named twice
     * is {@code ConfigDuplicate}.
     */
    public void set(long accountId, List<String> names, List<ConfigRule> rules) {
        List<ConfigRule> checked = rules.stream().map(ConfigRule::checked).toList();
        Set<String> seen = new LinkedHashSet<>();
        for (ConfigRule rule : checked) {
            if (!seen.add(rule.functionName())) {
                throw VodErrors.CONFIG_DUPLICATE.exception(VodErrors.CONFIG_DUPLICATE.message() + " The function "
                        + rule.functionName() + " is given twice in Functions.");
            }
        }
        boolean bothForces = checked.stream().filter(r -> r.excludes() != null).count() > 1;
        if (bothForces) {
            throw ConfigFunction.malformed("https_force and http_force cannot both be on.");
        }
        store.set(accountId, names, checked, clock.millis(), found -> DomainService.requireAll(names, found),
                DomainConfigs::notFound);
    }

    /**
     * The domain's rules of these functions (known names only, {@code InvalidArgValue.Malformed}
     * otherwise), or only the rule {@code configId} when given ({@code ConfigNotFound} when it is
     * not one of them).
     */
    public List<DomainConfig> describe(long accountId, String rawName, List<String> functionNames, Long configId) {
        for (String name : functionNames) {
            if (ConfigFunctions.find(name) == null) {
                throw ConfigFunction.malformed("The function " + Echo.of(name) + " is not supported; use one of "
                        + String.join(", ", ConfigFunctions.names()) + ".");
            }
        }
        VodDomain domain = domains.get(accountId, rawName);
        List<DomainConfig> rules = store.list(domain.id(), functionNames);
        if (configId == null) {
            return rules;
        }
        List<DomainConfig> one = rules.stream().filter(r -> r.configId() == configId).toList();
        if (one.isEmpty()) {
            notFound(configId);
        }
        return one;
    }

    /** Deletes the domain's rules {@code configIds}, all or none. */
    public void delete(long accountId, String rawName, List<Long> configIds) {
        VodDomain domain = domains.get(accountId, rawName);
        store.delete(domain.id(), configIds, DomainConfigs::notFound);
    }

    /**
     * The HTTPS policy of the domain with this stored (ASCII, lower-case) name, whatever its
     * account, or empty when no domain has that name. Reads the database on every call (the
     * domain by its unique name, its rules by the domain's id); an edge that asks per request
     * may keep the answer for a short while.
     */
    public Optional<HttpsPolicy> httpsPolicy(String domainName) {
        return store.rulesByDomainName(domainName, HTTPS_FUNCTIONS)
                .map(r -> HttpsPolicy.of("on".equals(r.sslProtocol()), r.rules()));
    }

    private static void notFound(long configId) {
        throw VodErrors.CONFIG_NOT_FOUND.exception(VodErrors.CONFIG_NOT_FOUND.message() + " ConfigId " + configId
                + " is not a configuration of this domain.");
    }
}

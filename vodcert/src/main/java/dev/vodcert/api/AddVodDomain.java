package dev.vodcert.api;

import dev.vodcert.domain.DomainName;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.Scope;
import dev.vodcert.domain.Sources;
import dev.vodcert.ownership.OwnershipService;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.protocol.GatewayErrors;

/**
 * {@code AddVodDomain}: a new accelerated domain with its origins (spec §9.5). The first domain
 * under a root domain needs a passed ownership check when configuration requires it. Answers
 * RequestId only.
 */
final class AddVodDomain implements ActionHandler {
    private static final int MAX_CHECK_URL = 1024;

    private final DomainService domains;
    private final OwnershipService ownership;

    AddVodDomain(DomainService domains, OwnershipService ownership) {
        this.domains = domains;
        this.ownership = ownership;
    }

    @Override
    public Object handle(ActionCall call) {
        DomainName name = DomainName.parse(call.required("DomainName"));
        var sources = Sources.parse(call.required("Sources"));
        Scope scope = Scope.parse(call.optional("Scope"));
        String checkUrl = call.optional("CheckUrl");
        if (checkUrl != null && checkUrl.length() > MAX_CHECK_URL) {
            throw GatewayErrors.invalid("CheckUrl", "It is longer than " + MAX_CHECK_URL + " characters.");
        }
        String topLevelDomain = call.optional("TopLevelDomain");
        if (topLevelDomain != null) {
            topLevelDomain = DomainName.parse(topLevelDomain).ascii();
        }
        ownership.requireFor(call.accountId(), name);
        domains.add(call.accountId(), name, sources, scope, checkUrl, topLevelDomain);
        return null;
    }
}

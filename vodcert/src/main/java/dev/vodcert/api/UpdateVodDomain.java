package dev.vodcert.api;

import dev.vodcert.domain.DomainName;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.Source;
import dev.vodcert.domain.Sources;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import java.util.List;

/**
 * {@code UpdateVodDomain} (spec §9.6): new origins ({@code Sources}, validated as for AddVodDomain)
 * and/or a new {@code TopLevelDomain}; what is not given stays. Input is checked before the domain
 * is looked up, and a refusal changes nothing. Answers RequestId only.
 */
final class UpdateVodDomain implements ActionHandler {
    private final DomainService domains;

    UpdateVodDomain(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public Object handle(ActionCall call) {
        String name = call.required("DomainName");
        String rawSources = call.optional("Sources");
        List<Source> sources = rawSources == null ? null : Sources.parse(rawSources);
        String topLevelDomain = call.optional("TopLevelDomain");
        if (topLevelDomain != null) {
            topLevelDomain = DomainName.parse(topLevelDomain).ascii();
        }
        domains.update(call.accountId(), name, sources, topLevelDomain);
        return null;
    }
}

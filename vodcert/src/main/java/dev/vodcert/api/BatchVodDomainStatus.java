package dev.vodcert.api;

import dev.vodcert.domain.DomainNameList;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.DomainStatus;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;

/**
 * {@code BatchStartVodDomain} (to {@code online}) and {@code BatchStopVodDomain} (to
 * {@code offline}), spec §9.10: one class, registered once per action with its target status.
 * {@code DomainNames} is 1 to {@value DomainNameList#MAX_NAMES} comma-separated names; every one
 * must be the caller's, else {@code InvalidDomain.NotFound} naming the others and no domain changes.
 */
final class BatchVodDomainStatus implements ActionHandler {
    private final DomainService domains;
    private final DomainStatus target;

    BatchVodDomainStatus(DomainService domains, DomainStatus target) {
        this.domains = domains;
        this.target = target;
    }

    @Override
    public Object handle(ActionCall call) {
        domains.setStatus(call.accountId(), DomainNameList.parse(call.required("DomainNames")), target);
        return null;
    }
}

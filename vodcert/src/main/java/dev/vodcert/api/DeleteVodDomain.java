package dev.vodcert.api;

import dev.vodcert.domain.DomainService;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;

/**
 * {@code DeleteVodDomain} (spec §9.7): the domain goes at once, with its tags and the certificate it
 * served unless that is a {@code cas} certificate, which stays in the certificate store. Answers
 * RequestId only; afterwards every action answers {@code InvalidDomain.NotFound} for the name.
 */
final class DeleteVodDomain implements ActionHandler {
    private final DomainService domains;

    DeleteVodDomain(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public Object handle(ActionCall call) {
        domains.delete(call.accountId(), call.required("DomainName"));
        return null;
    }
}

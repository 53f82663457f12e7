package dev.vodcert.api;

import dev.vodcert.domain.DomainName;
import dev.vodcert.ownership.OwnershipService;
import dev.vodcert.ownership.VerifyType;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;

/**
 * {@code VerifyVodDomainOwner} (spec §9.11): looks for the verification content with
 * {@code VerifyType} {@code dnsCheck} or {@code fileCheck}; on success the root domain counts as
 * verified for the caller and the answer carries the {@code Content} found. Failures are
 * {@code DomainOwnerVerifyFail}, {@code InvalidFile} or {@code VerifyError} (HTTP 400), saying what
 * was found and what was expected.
 */
final class VerifyVodDomainOwner implements ActionHandler {
    record Response(String content) {
    }

    private final OwnershipService ownership;

    VerifyVodDomainOwner(OwnershipService ownership) {
        this.ownership = ownership;
    }

    @Override
    public Object handle(ActionCall call) {
        DomainName name = DomainName.parse(call.required("DomainName"));
        VerifyType type = VerifyType.parse(call.required("VerifyType"));
        return new Response(ownership.verify(call.accountId(), name, type));
    }
}

package dev.vodcert.api;

import dev.vodcert.domain.DomainName;
import dev.vodcert.ownership.OwnershipService;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;

/**
 * {@code DescribeVodVerifyContent} (spec §9.12): the {@code Content} ({@code verify_} and 32
 * lower-case hex digits) the caller publishes to prove it owns the root domain of
 * {@code DomainName}; the same for every call of the account and every name under that root.
 */
final class DescribeVodVerifyContent implements ActionHandler {
    record Response(String content) {
    }

    private final OwnershipService ownership;

    DescribeVodVerifyContent(OwnershipService ownership) {
        this.ownership = ownership;
    }

    @Override
    public Object handle(ActionCall call) {
        DomainName name = DomainName.parse(call.required("DomainName"));
        return new Response(ownership.content(call.accountId(), name));
    }
}

package dev.vodcert.api;

import dev.vodcert.domain.DomainTags;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;

/**
 * {@code TagVodResources} with {@code ResourceType=domain}: sets {@code Tag.N.Key}/{@code Tag.N.Value}
 * on the domains {@code ResourceId.1..50}, all or none (a key already set gets the new value).
 * The tags are what {@code DescribeVodUserDomains} filters by. Answers RequestId only.
 */
final class TagVodResources implements ActionHandler {
    private final DomainTags tags;

    TagVodResources(DomainTags tags) {
        this.tags = tags;
    }

    @Override
    public Object handle(ActionCall call) {
        var names = ResourceType.domains(call);
        tags.tag(call.accountId(), names, TagList.toSet(call));
        return null;
    }
}

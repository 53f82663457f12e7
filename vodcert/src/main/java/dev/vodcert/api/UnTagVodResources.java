package dev.vodcert.api;

import dev.vodcert.domain.DomainTag;
import dev.vodcert.domain.DomainTags;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.RepeatList;
import java.util.List;

/**
 * {@code UnTagVodResources} with {@code ResourceType=domain}: removes the tags with keys
 * {@code TagKey.1..20} from the domains {@code ResourceId.1..50}, all or none; a key a domain does
 * not carry is ignored. Without {@code TagKey}, {@code All=true} removes every tag of those
 * domains; with {@code TagKey} given, {@code All} changes nothing (as the tag services do).
 * Answers RequestId only.
 */
final class UnTagVodResources implements ActionHandler {
    private final DomainTags tags;

    UnTagVodResources(DomainTags tags) {
        this.tags = tags;
    }

    @Override
    public Object handle(ActionCall call) {
        var names = ResourceType.domains(call);
        boolean all = BooleanParameter.parse(call, "All");
        List<String> keys = RepeatList.values(call.params(), "TagKey", DomainTag.MAX_PER_DOMAIN);
        if (keys.isEmpty() && !all) {
            throw GatewayErrors.missing("TagKey.1");
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).isEmpty()) {
                throw GatewayErrors.invalid("TagKey." + (i + 1), "It is empty.");
            }
        }
        tags.untag(call.accountId(), names, keys.isEmpty() ? null : keys);
        return null;
    }
}

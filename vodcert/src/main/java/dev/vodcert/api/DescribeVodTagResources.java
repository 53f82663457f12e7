package dev.vodcert.api;

import dev.vodcert.domain.DomainTag;
import dev.vodcert.domain.DomainTags;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.store.DomainTagStore.TagRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DescribeVodTagResources} with {@code ResourceType=domain}: the tags of the domains
 * {@code ResourceId.1..50}, as its model reads them: {@code TagResources[]} of
 * {@code {ResourceId, Tag[{Key, Value}]}} (plain JSON arrays, no wrapper object). With
 * {@code Tag.N} only those tags are shown (a {@code Tag.N.Value} left out: any value of the key). A domain without (matching) tags, or not
 * the caller's, is left out: a read names no one else's domain.
 */
final class DescribeVodTagResources implements ActionHandler {
    record Response(List<TagResource> tagResources) {
    }

    record TagResource(String resourceId, List<Tag> tag) {
    }

    record Tag(String key, String value) {
    }

    private final DomainTags tags;

    DescribeVodTagResources(DomainTags tags) {
        this.tags = tags;
    }

    @Override
    public Object handle(ActionCall call) {
        var names = ResourceType.domains(call);
        List<DomainTag> wanted = TagList.filter(call);
        int most = names.size() * DomainTag.MAX_PER_DOMAIN;
        Map<String, List<Tag>> byDomain = new LinkedHashMap<>();
        for (TagRow row : tags.list(call.accountId(), names, List.of(), null, most)) {
            if (wanted.isEmpty() || wanted.stream().anyMatch(w -> w.key().equals(row.key())
                    && (w.value() == null || w.value().equals(row.value())))) {
                byDomain.computeIfAbsent(row.domainName(), n -> new ArrayList<>()).add(new Tag(row.key(), row.value()));
            }
        }
        return new Response(byDomain.entrySet().stream().map(e -> new TagResource(e.getKey(), e.getValue())).toList());
    }
}

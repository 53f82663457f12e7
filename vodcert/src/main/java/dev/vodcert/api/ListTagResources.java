package dev.vodcert.api;

import dev.vodcert.domain.DomainNameList;
import dev.vodcert.domain.DomainTags;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.RepeatList;
import dev.vodcert.store.DomainTagStore.TagRow;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code ListTagResources} with {@code ResourceType=domain}: the caller's domain tags, one
 * {@code TagResources.TagResource} per (domain, tag) with {@code ResourceId}, {@code ResourceType},
 * {@code TagKey}, {@code TagValue}, ordered by domain then key, {@value #PAGE} per page. Optional
 * filters: the domains {@code ResourceId.1..50}, and {@code Tag.N} (only domains carrying every
 * one of them). {@code NextToken} is given when more follow, and is passed back to read them; a
 * token vodcert did not give is {@code InvalidParameter}.
 */
final class ListTagResources implements ActionHandler {
    /** Rows per page (the model has no page-size parameter). */
    static final int PAGE = 50;

    record Response(String nextToken, TagResources tagResources) {
    }

    record TagResources(List<TagResource> tagResource) {
    }

    record TagResource(String resourceId, String resourceType, String tagKey, String tagValue) {
    }

    private final DomainTags tags;

    ListTagResources(DomainTags tags) {
        this.tags = tags;
    }

    @Override
    public Object handle(ActionCall call) {
        ResourceType.requireDomain(call);
        List<String> given = RepeatList.values(call.params(), "ResourceId", DomainNameList.MAX_NAMES);
        List<String> names = given.isEmpty() ? List.of() : DomainNameList.check(given, "ResourceId.N");
        TagRow after = decode(call.optional("NextToken"));
        List<TagRow> rows = tags.list(call.accountId(), names, TagList.filter(call), after, PAGE + 1);
        List<TagRow> page = rows.size() > PAGE ? rows.subList(0, PAGE) : rows;
        String next = rows.size() > PAGE ? encode(page.get(PAGE - 1)) : null;
        return new Response(next, new TagResources(page.stream().map(r -> new TagResource(r.domainName(),
                ResourceType.DOMAIN, r.key(), r.value())).toList()));
    }

    private static String encode(TagRow last) {
        String text = last.domainName() + "\n" + last.key();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static TagRow decode(String token) {
        if (token == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int cut = text.indexOf('\n');
            if (cut > 0 && cut < text.length() - 1) {
                return new TagRow(text.substring(0, cut), text.substring(cut + 1), null);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw GatewayErrors.invalid("NextToken", "It is not a token this service gave.");
    }
}

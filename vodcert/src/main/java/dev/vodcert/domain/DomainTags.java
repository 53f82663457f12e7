package dev.vodcert.domain;

import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.store.DomainTagStore;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tags on an account's domains ({@code TagVodResources} / {@code UnTagVodResources}): every named
 * domain must be the caller's, else {@code InvalidDomain.NotFound} naming the others and nothing
 * changes; a domain carries at most {@value DomainTag#MAX_PER_DOMAIN} tags.
 */
public final class DomainTags {
    private final DomainTagStore store;

    public DomainTags(DomainTagStore store) {
        this.store = store;
    }

    /** Sets the tags (a key already set gets the new value) on every named domain (stored forms). */
    public void tag(long accountId, List<String> names, List<DomainTag> tags) {
        store.tag(accountId, names, tags, DomainTag.MAX_PER_DOMAIN, allFound(names), crowded -> {
            throw GatewayErrors.invalid("Tag", "The domain " + crowded + " would carry more than "
                    + DomainTag.MAX_PER_DOMAIN + " tags.");
        });
    }

    /** Removes the tags with these keys (every tag when {@code keys} is null) from every named domain (stored forms). */
    public void untag(long accountId, List<String> names, List<String> keys) {
        store.untag(accountId, names, keys, allFound(names));
    }

    /**
     * A page of the account's tags ({@code DescribeVodTagResources}, {@code ListTagResources}):
     * see {@link DomainTagStore#list}. Names the caller does not have simply list nothing.
     */
    public List<DomainTagStore.TagRow> list(long accountId, List<String> names, List<DomainTag> filter,
                                            DomainTagStore.TagRow after, int limit) {
        return store.list(accountId, names, filter, after == null ? null : after.domainName(),
                after == null ? null : after.key(), limit);
    }

    private static Consumer<List<VodDomain>> allFound(List<String> names) {
        return found -> DomainService.requireAll(names, found);
    }
}

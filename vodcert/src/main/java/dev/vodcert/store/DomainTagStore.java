package dev.vodcert.store;

import dev.vodcert.domain.DomainTag;
import dev.vodcert.domain.VodDomain;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code vod_domain_tag} table: tags set on and removed from several domains of one account at
 * once, all or none. In one transaction the domains found by name are handed to a check that
 * refuses by throwing; a tag written again replaces the value of its key.
 */
public final class DomainTagStore {
    private final Supplier<Jdbi> jdbi;

    /** The service's: its Jdbi is made when first needed ({@link Database#jdbi()}), not when this is. */
    public DomainTagStore(Database database) {
        this.jdbi = database.lazyJdbi();
    }

    public DomainTagStore(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
    }

    /**
     * Sets {@code tags} on the named domains; afterwards no domain may carry more than
     * {@code maxPerDomain} tags, else {@code overLimit} gets the first such domain's name and must
     * throw, which undoes everything.
     */
    public void tag(long accountId, Collection<String> names, List<DomainTag> tags, int maxPerDomain,
                    Consumer<List<VodDomain>> check, Consumer<String> overLimit) {
        jdbi().useTransaction(h -> {
            List<VodDomain> found = DomainStore.findByNames(h, accountId, names);
            check.accept(found);
            for (VodDomain d : found) {
                for (DomainTag tag : tags) {
                    h.createUpdate("DELETE FROM vod_domain_tag WHERE domain_id = :id AND tag_key = :key")
                            .bind("id", d.id()).bind("key", tag.key()).execute();
                    h.createUpdate("INSERT INTO vod_domain_tag (domain_id, tag_key, tag_value) VALUES (:id, :key, :value)")
                            .bind("id", d.id()).bind("key", tag.key()).bind("value", tag.value()).execute();
                }
            }
            Optional<String> crowded = h.createQuery("SELECT d.domain_name FROM vod_domain d JOIN vod_domain_tag t "
                            + "ON t.domain_id = d.id WHERE d.account_id = :account AND d.domain_name IN (<names>) "
                            + "GROUP BY d.domain_name HAVING COUNT(*) > :max ORDER BY d.domain_name")
                    .bind("account", accountId).bindList("names", List.copyOf(names)).bind("max", maxPerDomain)
                    .mapTo(String.class).findFirst();
            crowded.ifPresent(overLimit);
            if (crowded.isPresent()) {
                throw new IllegalStateException("overLimit must throw");
            }
        });
    }

    /**
     * Removes the tags with {@code keys} from the named domains (keys a domain lacks are ignored),
     * or every tag of them when {@code keys} is null.
     */
    public void untag(long accountId, Collection<String> names, Collection<String> keys,
                      Consumer<List<VodDomain>> check) {
        jdbi().useTransaction(h -> {
            List<VodDomain> found = DomainStore.findByNames(h, accountId, names);
            check.accept(found);
            for (VodDomain d : found) {
                if (keys == null) {
                    h.createUpdate("DELETE FROM vod_domain_tag WHERE domain_id = :id").bind("id", d.id()).execute();
                } else {
                    h.createUpdate("DELETE FROM vod_domain_tag WHERE domain_id = :id AND tag_key IN (<keys>)")
                            .bind("id", d.id()).bindList("keys", List.copyOf(keys)).execute();
                }
            }
        });
    }

    /** One tag of one domain, as the tag reads list them. */
    public record TagRow(String domainName, String key, String value) {
    }

    /**
     * The tags of the account's domains, ordered by domain name then key: of the named domains
     * only (all when {@code names} is empty), of domains carrying every tag of {@code filter} only,
     * and after the row ({@code afterName}, {@code afterKey}) when given; at most {@code limit} rows.
     */
    public List<TagRow> list(long accountId, Collection<String> names, List<DomainTag> filter, String afterName,
                             String afterKey, int limit) {
        StringBuilder sql = new StringBuilder("SELECT d.domain_name, t.tag_key, t.tag_value FROM vod_domain d "
                + "JOIN vod_domain_tag t ON t.domain_id = d.id WHERE d.account_id = :account");
        Map<String, Object> binds = new HashMap<>();
        binds.put("account", accountId);
        if (!names.isEmpty()) {
            sql.append(" AND d.domain_name IN (<names>)");
        }
        DomainSearch.appendTagFilter(sql, binds, filter);
        if (afterName != null) {
            sql.append(" AND (d.domain_name > :afterName OR (d.domain_name = :afterName AND t.tag_key > :afterKey))");
            binds.put("afterName", afterName);
            binds.put("afterKey", afterKey);
        }
        sql.append(" ORDER BY d.domain_name, t.tag_key LIMIT :limit");
        binds.put("limit", limit);
        return jdbi().withHandle(h -> {
            var query = h.createQuery(sql.toString());
            binds.forEach(query::bind);
            if (!names.isEmpty()) {
                query.bindList("names", List.copyOf(names));
            }
            return query.map((rs, ctx) -> new TagRow(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        });
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

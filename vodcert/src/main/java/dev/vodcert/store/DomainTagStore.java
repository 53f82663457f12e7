package dev.vodcert.store;

import dev.vodcert.domain.DomainTag;
import dev.vodcert.domain.VodDomain;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
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
            List<VodDomain> found = find(h, accountId, names);
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

    /** Removes the tags with {@code keys} from the named domains; keys a domain lacks are ignored. */
    public void untag(long accountId, Collection<String> names, Collection<String> keys,
                      Consumer<List<VodDomain>> check) {
        jdbi().useTransaction(h -> {
            List<VodDomain> found = find(h, accountId, names);
            check.accept(found);
            for (VodDomain d : found) {
                h.createUpdate("DELETE FROM vod_domain_tag WHERE domain_id = :id AND tag_key IN (<keys>)")
                        .bind("id", d.id()).bindList("keys", List.copyOf(keys)).execute();
            }
        });
    }

    private static List<VodDomain> find(Handle h, long accountId, Collection<String> names) {
        return h.createQuery("SELECT * FROM vod_domain WHERE account_id = :account AND domain_name IN (<names>) "
                        + "ORDER BY domain_name")
                .bind("account", accountId).bindList("names", List.copyOf(names))
                .map((rs, ctx) -> DomainStore.map(rs)).list();
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

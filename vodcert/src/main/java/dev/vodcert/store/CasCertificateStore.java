package dev.vodcert.store;

import dev.vodcert.certificate.StoredCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The certificate store behind {@code CertType=cas}: rows of the {@code certificate} table of type
 * {@code cas}, named uniquely within their account ({@code cas_name}). A name in use is refused:
 * the store keeps the first certificate of that name.
 * Rules (what a certificate must be, who may see it) live with the callers; this class reads and
 * writes, each change in one transaction.
 */
public final class CasCertificateStore {
    private static final String TYPE = "cas";

    /** The outcome of a delete: not found, refused because domains use it, or done. */
    public record Deletion(boolean found, List<String> usedBy) {
        public boolean deleted() {
            return found && usedBy.isEmpty();
        }
    }

    /** Which certificates a page shows: not after bounds in epoch ms (null for none) and a keyword. */
    public record Filter(Long notAfterAbove, Long notAfterAtMost, String keyword) {
    }

    private final Supplier<Jdbi> jdbi;

    /** The service's: its Jdbi is made when first needed ({@link Database#jdbi()}), not when this is. */
    public CasCertificateStore(Database database) {
        this.jdbi = database.lazyJdbi();
    }

    public CasCertificateStore(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
    }

    public Optional<StoredCertificate> find(long accountId, long id) {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + CertificateStore.COLUMNS + " FROM certificate "
                        + "WHERE id = :id AND account_id = :account AND cert_type = '" + TYPE + "'")
                .bind("id", id).bind("account", accountId).map((rs, ctx) -> CertificateStore.map(rs)).findOne());
    }

    /** The names of the domains that use the certificate, in name order. */
    public List<String> domainsUsing(long certId) {
        return jdbi().withHandle(h -> domainsUsing(h, certId));
    }

    /**
     * Inserts the certificate under its name, or, when the account already has a certificate of
     * that name, changes nothing and answers empty.
     */
    public OptionalLong add(StoredCertificate row) {
        try {
            return jdbi().inTransaction(h -> {
                boolean taken = h.createQuery("SELECT COUNT(*) FROM certificate WHERE account_id = :account "
                                + "AND cas_name = :name")
                        .bind("account", row.accountId()).bind("name", row.certName()).mapTo(Long.class).one() > 0;
                if (taken) {
                    return OptionalLong.empty();
                }
                long id = CertificateStore.insert(h, row).id();
                h.createUpdate("UPDATE certificate SET cas_name = :name WHERE id = :id")
                        .bind("name", row.certName()).bind("id", id).execute();
                return OptionalLong.of(id);
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                return OptionalLong.empty(); // another request took the name first
            }
            throw e;
        }
    }

    /** Deletes the certificate unless a domain uses it. */
    public Deletion delete(long accountId, long id) {
        try {
            return jdbi().inTransaction(h -> {
                Optional<Long> found = h.createQuery("SELECT id FROM certificate WHERE id = :id "
                                + "AND account_id = :account AND cert_type = '" + TYPE + "' FOR UPDATE")
                        .bind("id", id).bind("account", accountId).mapTo(Long.class).findOne();
                if (found.isEmpty()) {
                    return new Deletion(false, List.of());
                }
                List<String> usedBy = domainsUsing(h, id);
                if (usedBy.isEmpty()) {
                    h.createUpdate("DELETE FROM certificate WHERE id = :id").bind("id", id).execute();
                }
                return new Deletion(true, usedBy);
            });
        } catch (RuntimeException e) {
            if (IntegrityViolation.isForeignKey(e)) {
                return new Deletion(true, domainsUsing(id));
            }
            throw e;
        }
    }

    /** One page of the account's stored certificates, newest first. */
    public List<StoredCertificate> page(long accountId, Filter filter, long offset, int limit) {
        return jdbi().withHandle(h -> bind(h.createQuery("SELECT " + CertificateStore.COLUMNS + " FROM certificate "
                        + where(filter) + " ORDER BY id DESC LIMIT :limit OFFSET :offset"), accountId, filter)
                .bind("limit", limit).bind("offset", offset).map((rs, ctx) -> CertificateStore.map(rs)).list());
    }

    public long count(long accountId, Filter filter) {
        return jdbi().withHandle(h -> bind(h.createQuery("SELECT COUNT(*) FROM certificate " + where(filter)),
                accountId, filter).mapTo(Long.class).one());
    }

    private static String where(Filter filter) {
        List<String> terms = new ArrayList<>(List.of("account_id = :account", "cert_type = '" + TYPE + "'"));
        if (filter.notAfterAbove() != null) {
            terms.add("not_after > :above");
        }
        if (filter.notAfterAtMost() != null) {
            terms.add("not_after <= :atMost");
        }
        if (filter.keyword() != null) {
            terms.add("(LOWER(cert_name) LIKE :keyword ESCAPE '!' OR LOWER(common_name) LIKE :keyword ESCAPE '!')");
        }
        return "WHERE " + String.join(" AND ", terms);
    }

    private static Query bind(Query query, long accountId, Filter filter) {
        query.bind("account", accountId);
        if (filter.notAfterAbove() != null) {
            query.bind("above", filter.notAfterAbove());
        }
        if (filter.notAfterAtMost() != null) {
            query.bind("atMost", filter.notAfterAtMost());
        }
        if (filter.keyword() != null) {
            String escaped = filter.keyword().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.bind("keyword", "%" + escaped + "%");
        }
        return query;
    }

    private static List<String> domainsUsing(Handle h, long certId) {
        return h.createQuery("SELECT domain_name FROM vod_domain WHERE cert_id = :id ORDER BY domain_name")
                .bind("id", certId).mapTo(String.class).list();
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

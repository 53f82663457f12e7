package dev.vodcert.store;

import dev.vodcert.certificate.StoredCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The certificate store behind {@code CertType=cas}: rows of the {@code certificate} table of type
 * {@code cas}, named uniquely within their account ({@code cas_name}). Saving under a name in use
 * replaces that certificate in place, keeping its id, so every domain using it serves the new one.
 * Rules (what a certificate must be, who may see it) live with the callers; this class reads and
 * writes, each change in one transaction.
 */
public final class CasCertificateStore {
    private static final String TYPE = "cas";

    /**
     * Given the domains that use a certificate about to be replaced, the certificate name that
     * covers each (by domain name); throws to refuse the replacement, which then changes nothing.
     */
    @FunctionalInterface
    public interface Coverage {
        Map<String, String> certDomainNames(List<String> domainNames);
    }

    /** A saved certificate: new, or replacing one of the same name that these domains use. */
    public record Saved(long certId, boolean replaced, List<String> domainNames) {
    }

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
        return jdbi().withHandle(h -> domainsUsing(h, certId, false));
    }

    /** Inserts the certificate, or replaces the account's certificate of the same name. */
    public Saved save(StoredCertificate row, Coverage coverage) {
        try {
            return jdbi().inTransaction(h -> saveIn(h, row, coverage));
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
            // another request inserted the same name first: replace that one instead
            return jdbi().inTransaction(h -> saveIn(h, row, coverage));
        }
    }

    private static Saved saveIn(Handle h, StoredCertificate row, Coverage coverage) {
        Optional<Long> existing = h.createQuery("SELECT id FROM certificate WHERE account_id = :account "
                        + "AND cas_name = :name FOR UPDATE")
                .bind("account", row.accountId()).bind("name", row.certName()).mapTo(Long.class).findOne();
        if (existing.isEmpty()) {
            long id = CertificateStore.insert(h, row).id();
            h.createUpdate("UPDATE certificate SET cas_name = :name WHERE id = :id")
                    .bind("name", row.certName()).bind("id", id).execute();
            return new Saved(id, false, List.of());
        }
        long id = existing.get();
        List<String> domains = domainsUsing(h, id, true);
        Map<String, String> covering = coverage.certDomainNames(domains);
        h.createUpdate("UPDATE certificate SET certificate_pem = :pem, private_key_enc = :key, common_name = :cn, "
                        + "issuer_org = :org, fingerprint = :fp, not_before = :nb, not_after = :na, "
                        + "cert_region = :region, updated_at = :now WHERE id = :id")
                .bind("pem", row.certificatePem()).bind("key", row.privateKeyEnc()).bind("cn", row.commonName())
                .bind("org", row.issuerOrg()).bind("fp", row.fingerprint()).bind("nb", row.notBefore())
                .bind("na", row.notAfter()).bind("region", row.certRegion()).bind("now", row.updatedAt())
                .bind("id", id).execute();
        for (String domain : domains) {
            h.createUpdate("UPDATE vod_domain SET cert_domain_name = :cdn, gmt_modified = :now "
                            + "WHERE cert_id = :id AND domain_name = :domain")
                    .bind("cdn", covering.get(domain)).bind("now", row.updatedAt()).bind("id", id)
                    .bind("domain", domain).execute();
        }
        return new Saved(id, true, domains);
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
                List<String> usedBy = domainsUsing(h, id, false);
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

    private static List<String> domainsUsing(Handle h, long certId, boolean lock) {
        return h.createQuery("SELECT domain_name FROM vod_domain WHERE cert_id = :id ORDER BY domain_name"
                        + (lock ? " FOR UPDATE" : ""))
                .bind("id", certId).mapTo(String.class).list();
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

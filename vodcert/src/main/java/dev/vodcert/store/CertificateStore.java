package dev.vodcert.store;

import dev.vodcert.certificate.StoredCertificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** The {@code certificate} table. */
public final class CertificateStore {
    static final String COLUMNS = "id, account_id, cert_type, cert_name, cert_region, certificate_pem, "
            + "private_key_enc, common_name, issuer_org, fingerprint, not_before, not_after, created_at, updated_at";

    private final Supplier<Jdbi> jdbi;

    /** The service's: its Jdbi is made when first needed ({@link Database#jdbi()}), not when this is. */
    public CertificateStore(Database database) {
        this.jdbi = database.lazyJdbi();
    }

    public CertificateStore(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
    }

    public Optional<StoredCertificate> find(long accountId, long id) {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM certificate WHERE id = :id "
                        + "AND account_id = :account")
                .bind("id", id).bind("account", accountId).map((rs, ctx) -> map(rs)).findOne());
    }

    /** Every certificate of the account (uploads, stored and free ones), oldest first. */
    public List<StoredCertificate> listByAccount(long accountId) {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM certificate "
                        + "WHERE account_id = :account ORDER BY id").bind("account", accountId)
                .map((rs, ctx) -> map(rs)).list());
    }

    /** The names of the account's domains that use each certificate, by certificate id. */
    public Map<Long, List<String>> domainsByCertificate(long accountId) {
        return jdbi().withHandle(h -> {
            Map<Long, List<String>> byCert = new HashMap<>();
            h.createQuery("SELECT cert_id, domain_name FROM vod_domain WHERE account_id = :account "
                            + "AND cert_id IS NOT NULL ORDER BY domain_name").bind("account", accountId)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> byCert.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return byCert;
        });
    }

    /** Inserts within the caller's transaction and returns the row with its new id. */
    static StoredCertificate insert(Handle h, StoredCertificate c) {
        long id = h.createUpdate("INSERT INTO certificate (account_id, cert_type, cert_name, cert_region, "
                        + "certificate_pem, private_key_enc, common_name, issuer_org, fingerprint, not_before, "
                        + "not_after, created_at, updated_at) VALUES (:account, :type, :name, :region, :pem, :key, "
                        + ":cn, :org, :fp, :nb, :na, :created, :updated)")
                .bind("account", c.accountId()).bind("type", c.certType()).bind("name", c.certName())
                .bind("region", c.certRegion()).bind("pem", c.certificatePem()).bind("key", c.privateKeyEnc())
                .bind("cn", c.commonName()).bind("org", c.issuerOrg()).bind("fp", c.fingerprint())
                .bind("nb", c.notBefore()).bind("na", c.notAfter()).bind("created", c.createdAt())
                .bind("updated", c.updatedAt())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return c.withId(id);
    }

    static StoredCertificate map(ResultSet rs) throws SQLException {
        return new StoredCertificate(rs.getLong("id"), rs.getLong("account_id"), rs.getString("cert_type"),
                rs.getString("cert_name"), rs.getString("cert_region"), rs.getString("certificate_pem"),
                rs.getString("private_key_enc"), rs.getString("common_name"), rs.getString("issuer_org"),
                rs.getString("fingerprint"), rs.getLong("not_before"), rs.getLong("not_after"),
                rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

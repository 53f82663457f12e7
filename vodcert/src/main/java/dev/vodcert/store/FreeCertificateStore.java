package dev.vodcert.store;

import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.issuance.FreeCertStatus;
import dev.vodcert.issuance.FreeCertificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code free_certificate} table: one lifecycle row per domain, picked by the loop through the
 * {@code next_attempt_at} index, and worked on under a lease ({@code lease_owner},
 * {@code lease_expires_at}) so that several nodes never work on one domain at once. Every write of
 * the loop is conditioned on holding the lease, except storing an issued certificate, which only
 * needs the row to still exist: a duplicate issuance is tolerable, a lost certificate is not.
 *
 * <p>Every write of {@code status} (and creating or deleting a row) also writes the domain's copy,
 * {@code vod_domain.free_status}, in the same transaction: the describe query reads the status from
 * the domain row alone (V8, bench/README.md).
 */
public final class FreeCertificateStore {
    /** A leased row with its domain, and the expiry of the certificate the lifecycle last issued (or null). */
    public record Work(FreeCertificate state, VodDomain domain, Long issuedNotAfter) {
    }

    /** A row for reports and metrics: the domain's name, the state, the issued certificate's expiry. */
    public record Listed(String domainName, FreeCertificate state, Long certNotAfter) {
    }

    /** A leased row with its domain and the expiry of its issued certificate; a WHERE clause follows. */
    private static final String WORK = "SELECT " + FreeCertificateRows.ALIASED + ", " + FreeCertificateRows.DOMAIN
            + ", c.not_after AS issued_not_after FROM free_certificate f JOIN vod_domain d ON d.id = f.domain_id "
            + "LEFT JOIN certificate c ON c.id = f.cert_id ";

    private static final String RESTARTABLE = "'cname_error', 'failed', 'domain_invalid', 'unsupport_wildcard'";

    private final Supplier<Jdbi> jdbi;

    /** The service's: its Jdbi is made when first needed ({@link Database#jdbi()}), not when this is. */
    public FreeCertificateStore(Database database) {
        this.jdbi = database.lazyJdbi();
    }

    public FreeCertificateStore(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
    }

    /**
     * Starts or restarts the lifecycle of a domain: a new row in {@code checking}; a row that waits
     * for the user ({@code cname_error}, {@code failed}, {@code domain_invalid},
     * {@code unsupport_wildcard}) goes back to {@code checking} with its counts cleared; a row in
     * {@code checking}, {@code applying} or {@code success} is left as it is.
     */
    public FreeCertificate request(long domainId, long now) {
        String checking = FreeCertStatus.CHECKING.wire();
        int restarted = jdbi().inTransaction(h -> {
            int n = h.createUpdate("UPDATE free_certificate SET status = :status, attempts = 0, checks = 0, "
                            + "next_attempt_at = :now, last_error = NULL, updated_at = :now "
                            + "WHERE domain_id = :id AND status IN (" + RESTARTABLE + ")")
                    .bind("status", checking).bind("now", now).bind("id", domainId).execute();
            if (n == 1) {
                setDomainStatus(h, domainId, checking);
            }
            return n;
        });
        if (restarted == 0) {
            FreeCertificate fresh = FreeCertificate.requested(domainId, now);
            try {
                jdbi().useTransaction(h -> {
                    h.createUpdate("INSERT INTO free_certificate (domain_id, status, attempts, checks, "
                                    + "next_attempt_at, lease_expires_at, created_at, updated_at) VALUES (:id, :status, "
                                    + "0, 0, :now, 0, :now, :now)")
                            .bind("id", domainId).bind("status", fresh.status().wire()).bind("now", now).execute();
                    setDomainStatus(h, domainId, fresh.status().wire());
                });
            } catch (RuntimeException e) {
                if (!UniqueViolation.isCause(e)) {
                    throw e;
                }
            }
        }
        return find(domainId).orElseThrow();
    }

    /** Ends the lifecycle of a domain; the certificates it issued stay. */
    public boolean stop(long domainId) {
        return jdbi().inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM free_certificate WHERE domain_id = :id").bind("id", domainId).execute();
            if (n == 1) {
                setDomainStatus(h, domainId, null);
            }
            return n == 1;
        });
    }

    public Optional<FreeCertificate> find(long domainId) {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + FreeCertificateRows.ALIASED
                        + " FROM free_certificate f WHERE f.domain_id = :id")
                .bind("id", domainId).map((rs, ctx) -> FreeCertificateRows.map(rs)).findOne());
    }

    /**
     * Makes a row in {@code checking} due at {@code now} (an operator's "retry now" between two
     * checks); a row leased by a node is left to it.
     */
    public boolean dueNow(long domainId, long now) {
        return jdbi().withHandle(h -> h.createUpdate("UPDATE free_certificate SET next_attempt_at = :now, "
                        + "updated_at = :now WHERE domain_id = :id AND status = :checking AND lease_expires_at < :now")
                .bind("now", now).bind("id", domainId).bind("checking", FreeCertStatus.CHECKING.wire()).execute()) == 1;
    }

    /** Up to {@code limit} rows due at {@code now} and not leased, the longest waiting first. */
    public List<Long> due(long now, int limit) {
        return jdbi().withHandle(h -> h.createQuery("SELECT domain_id FROM free_certificate WHERE next_attempt_at <= :now "
                        + "AND lease_expires_at < :now ORDER BY next_attempt_at, domain_id LIMIT :limit")
                .bind("now", now).bind("limit", limit).mapTo(Long.class).list());
    }

    /** The earliest {@code next_attempt_at} of any row that is not parked, if any. */
    public Optional<Long> nextDue(long parked) {
        return jdbi().withHandle(h -> h.createQuery("SELECT MIN(next_attempt_at) FROM free_certificate "
                        + "WHERE next_attempt_at < :parked").bind("parked", parked).mapTo(Long.class).findOne());
    }

    /**
     * A page of rows by domain name (keyset paging on the unique name): those after {@code afterName}
     * ("" for the first page), or just {@code onlyName} when it is given.
     */
    public List<Listed> list(String onlyName, String afterName, int limit) {
        return jdbi().withHandle(h -> h.createQuery("SELECT d.domain_name, " + FreeCertificateRows.ALIASED
                        + ", c.not_after FROM free_certificate f JOIN vod_domain d ON d.id = f.domain_id "
                        + "LEFT JOIN certificate c ON c.id = f.cert_id WHERE d.domain_name "
                        + (onlyName != null ? "= :name" : "> :name") + " ORDER BY d.domain_name LIMIT :limit")
                .bind("name", onlyName != null ? onlyName : afterName).bind("limit", limit)
                .map((rs, ctx) -> new Listed(rs.getString("domain_name"), FreeCertificateRows.map(rs),
                        FreeCertificateRows.nullableLong(rs, "not_after")))
                .list());
    }

    /** Takes the lease when nobody holds an unexpired one: {@code UPDATE ... WHERE lease_expires_at < now}. */
    public boolean takeLease(long domainId, String owner, long now, long until) {
        return jdbi().withHandle(h -> h.createUpdate("UPDATE free_certificate SET lease_owner = :owner, "
                        + "lease_expires_at = :until WHERE domain_id = :id AND lease_expires_at < :now")
                .bind("owner", owner).bind("until", until).bind("id", domainId).bind("now", now).execute()) == 1;
    }

    /**
     * Takes, in one transaction, the leases of those of {@code domainIds} that nobody holds
     * ({@link #takeLease} for each), and returns the rows this call leased with their domains, the
     * longest waiting first: a pass of the loop commits once for all its leases.
     */
    public List<Work> lease(List<Long> domainIds, String owner, long now, long until) {
        if (domainIds.isEmpty()) {
            return List.of();
        }
        return jdbi().inTransaction(h -> {
            h.createUpdate("UPDATE free_certificate SET lease_owner = :owner, lease_expires_at = :until "
                            + "WHERE domain_id IN (<ids>) AND lease_expires_at < :now")
                    .bind("owner", owner).bind("until", until).bindList("ids", domainIds).bind("now", now).execute();
            return h.createQuery(WORK + "WHERE f.domain_id IN (<ids>) AND f.lease_owner = :owner "
                            + "AND f.lease_expires_at = :until ORDER BY f.next_attempt_at, f.domain_id")
                    .bindList("ids", domainIds).bind("owner", owner).bind("until", until)
                    .map((rs, ctx) -> work(rs)).list();
        });
    }

    /** Extends every lease {@code owner} holds. */
    public int heartbeat(String owner, long until) {
        return jdbi().withHandle(h -> h.createUpdate("UPDATE free_certificate SET lease_expires_at = :until "
                + "WHERE lease_owner = :owner").bind("until", until).bind("owner", owner).execute());
    }

    /** Gives back every lease {@code owner} holds, so that another node (or the next start) resumes at once. */
    public int releaseAll(String owner) {
        return jdbi().withHandle(h -> h.createUpdate("UPDATE free_certificate SET lease_owner = NULL, "
                + "lease_expires_at = 0 WHERE lease_owner = :owner").bind("owner", owner).execute());
    }

    /**
     * Writes the loop's new state of a row it holds the lease of, and the CNAME status onto the
     * domain. {@code keepLease} keeps holding it (work continues); otherwise the lease is released.
     *
     * @return false when the lease was lost or the row is gone (nothing written)
     */
    public boolean save(FreeCertificate s, String owner, boolean keepLease, long now) {
        return jdbi().inTransaction(h -> write(h, s, owner, keepLease, now));
    }

    /**
     * What a pass of the loop decided for the rows it holds, in one transaction: each of
     * {@code states} written as {@link #save} writes it (lease released), and the leases of
     * {@code released} given back unchanged.
     *
     * @return the domain ids of the states written (those whose lease was still held)
     */
    public List<Long> saveAll(List<FreeCertificate> states, List<Long> released, String owner, long now) {
        if (states.isEmpty() && released.isEmpty()) {
            return List.of();
        }
        return jdbi().inTransaction(h -> {
            List<Long> written = new ArrayList<>();
            for (FreeCertificate s : states) {
                if (write(h, s, owner, false, now)) {
                    written.add(s.domainId());
                }
            }
            if (!released.isEmpty()) {
                h.createUpdate("UPDATE free_certificate SET lease_owner = NULL, lease_expires_at = 0 "
                        + "WHERE domain_id IN (<ids>) AND lease_owner = :owner")
                        .bindList("ids", released).bind("owner", owner).execute();
            }
            return written;
        });
    }

    private static boolean write(Handle h, FreeCertificate s, String owner, boolean keepLease, long now) {
        int n = h.createUpdate("UPDATE free_certificate SET status = :status, cname_status = :cname, "
                        + "attempts = :attempts, checks = :checks, next_attempt_at = :next, "
                        + "order_reserved_at = :reserved, observed_cname = :observed, resolver = :resolver, "
                        + "last_error = :error, last_checked_at = :checked, updated_at = :now"
                        + (keepLease ? "" : ", lease_owner = NULL, lease_expires_at = 0")
                        + " WHERE domain_id = :id AND lease_owner = :owner")
                .bind("status", s.status().wire()).bind("cname", s.cnameStatus()).bind("attempts", s.attempts())
                .bind("checks", s.checks()).bind("next", s.nextAttemptAt()).bind("reserved", s.orderReservedAt())
                .bind("observed", clip(s.observedCname(), 400)).bind("resolver", clip(s.resolver(), 128))
                .bind("error", clip(s.lastError(), 1024)).bind("checked", s.lastCheckedAt()).bind("now", now)
                .bind("id", s.domainId()).bind("owner", owner).execute();
        if (n == 1) {
            // only when it changes: a recheck that finds what the last one found rewrites no domain row
            h.createUpdate("UPDATE vod_domain SET free_status = :status, "
                            + "cname_status = COALESCE(:cname, cname_status) WHERE id = :id "
                            + "AND (free_status IS DISTINCT FROM :status "
                            + "OR cname_status IS DISTINCT FROM COALESCE(:cname, cname_status))")
                    .bind("status", s.status().wire()).bind("cname", s.cnameStatus()).bind("id", s.domainId())
                    .execute();
        }
        return n == 1;
    }

    /**
     * Stores an issued certificate and makes it the domain's, in one transaction: the certificate
     * row, the domain pointing at it (HTTPS turned on when {@code turnHttpsOn}), the lifecycle row
     * in {@code success} with its renewal time, and the certificate it replaces deleted when it was
     * an upload or an earlier free certificate that nothing references any more.
     *
     * @return false when the lifecycle row is gone (domain deleted, or switched to another type):
     *     nothing is stored
     */
    public boolean recordIssued(long domainId, StoredCertificate certificate, String certDomainName,
                                boolean turnHttpsOn, long renewAt, long now) {
        return jdbi().inTransaction(h -> {
            if (h.createQuery("SELECT domain_id FROM free_certificate WHERE domain_id = :id FOR UPDATE")
                    .bind("id", domainId).mapTo(Long.class).findOne().isEmpty()) {
                return false;
            }
            Long previous = h.createQuery("SELECT cert_id FROM vod_domain WHERE id = :id").bind("id", domainId)
                    .mapTo(Long.class).findOne().orElse(null);
            StoredCertificate stored = CertificateStore.insert(h, certificate);
            h.createUpdate("UPDATE vod_domain SET cert_id = :cert, cert_domain_name = :cdn, gmt_modified = :now, "
                            + "free_status = :status" + (turnHttpsOn ? ", ssl_protocol = 'on'" : "") + " WHERE id = :id")
                    .bind("cert", stored.id()).bind("cdn", certDomainName).bind("now", now)
                    .bind("status", FreeCertStatus.SUCCESS.wire()).bind("id", domainId).execute();
            h.createUpdate("UPDATE free_certificate SET status = :status, cert_id = :cert, renew_at = :renew, "
                            + "next_attempt_at = :renew, attempts = 0, checks = 0, last_error = NULL, "
                            + "order_reserved_at = NULL, lease_owner = NULL, lease_expires_at = 0, updated_at = :now "
                            + "WHERE domain_id = :id")
                    .bind("status", FreeCertStatus.SUCCESS.wire()).bind("cert", stored.id()).bind("renew", renewAt)
                    .bind("now", now).bind("id", domainId).execute();
            deleteIfUnused(h, previous);
            return true;
        });
    }

    /** The domain's copy of the lifecycle status ({@code vod_domain.free_status}); null: no lifecycle. */
    private static void setDomainStatus(Handle h, long domainId, String status) {
        h.createUpdate("UPDATE vod_domain SET free_status = :status WHERE id = :id")
                .bind("status", status).bind("id", domainId).execute();
    }

    private static void deleteIfUnused(Handle h, Long certId) {
        if (certId != null) {
            h.createUpdate("DELETE FROM certificate WHERE id = :old AND cert_type IN ('upload', 'free') "
                            + "AND NOT EXISTS (SELECT 1 FROM vod_domain WHERE cert_id = :old)")
                    .bind("old", certId).execute();
        }
    }

    private static Work work(ResultSet rs) throws SQLException {
        return new Work(FreeCertificateRows.map(rs), DomainStore.map(rs),
                FreeCertificateRows.nullableLong(rs, "issued_not_after"));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

package dev.vodcert.store;

import dev.vodcert.certificate.DomainCertificate;
import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.domain.VodDomain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** The {@code vod_domain} table, and setting a domain's certificate in one transaction. */
public final class DomainStore {
    static final String COLUMNS = "id, account_id, domain_name, cname, domain_status, scope, sources, "
            + "check_url, top_level_domain, description, ssl_protocol, cert_id, cert_domain_name, cname_status, "
            + "gmt_created, gmt_modified";

    /**
     * A domain and the certificate it references, read together, with the status of its free
     * certificate lifecycle ({@code vod_domain.free_status}, the copy of {@code free_certificate.status};
     * null when it has none).
     */
    public record WithCertificate(VodDomain domain, StoredCertificate certificate, String freeStatus) {
        /** The fields {@code DescribeVodDomainCertificateInfo} shows. */
        public DomainCertificate describe() {
            return new DomainCertificate(domain.domainName(), domain.sslProtocol(), domain.cnameStatus(),
                    domain.certDomainName(), certificate, freeStatus);
        }
    }

    /** What a per-request lookup is remembered by. */
    private record Lookup(long accountId, String domainName) {
    }

    private final Supplier<Jdbi> jdbi;
    private final PlainQuery plain;
    private final RememberedReads<Lookup, Optional<WithCertificate>> lookups;
    private final DomainMirror mirror;
    private final boolean shared;
    /** Adds to one account on an embedded database, one after the other (striped by account id). */
    private static final Object[] ADD_LOCKS = java.util.stream.Stream.generate(Object::new).limit(64).toArray();

    /**
     * The service's store: lookups on the pool without a handle, remembered between writes on H2,
     * and the describe fields from the H2 file's {@link DomainMirror}.
     */
    public DomainStore(Database database) {
        this.jdbi = database.lazyJdbi();
        this.plain = database.plainQuery();
        this.lookups = database.rememberedReads();
        this.mirror = database.domainMirror();
        this.shared = database.isShared();
    }

    /** A store over a bare Jdbi (tools, tests): every lookup reads. */
    public DomainStore(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
        this.plain = PlainQuery.through(jdbi);
        this.lookups = RememberedReads.none();
        this.mirror = null;
        this.shared = true;
    }

    /** @return false when the name is taken (by any account) */
    public boolean insert(VodDomain d) {
        try {
            jdbi().useHandle(h -> insertRow(h, d));
            return true;
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                return false;
            }
            throw e;
        }
    }

    /** What {@link #insertWithinLimit} did. */
    public enum Added { ADDED, NAME_TAKEN, LIMIT_REACHED }

    /**
     * Inserts the domain unless its account has {@code limit} domains already, under any concurrency
     * and on any number of nodes, so adds to one account run one after the other and each counts
     * what the one before committed: on a database several nodes share, the transaction locks the
     * account's row ({@code SELECT ... FOR UPDATE}) before it counts; on the embedded H2 file, which
     * one process owns, a lock in this process does, and the insert stays a single auto-committed
     * statement.
     */
    public Added insertWithinLimit(VodDomain d, int limit) {
        if (!shared) {
            synchronized (ADD_LOCKS[(int) Math.floorMod(d.accountId(), (long) ADD_LOCKS.length)]) {
                if (countByAccount(d.accountId()) >= limit) {
                    return Added.LIMIT_REACHED;
                }
                return insert(d) ? Added.ADDED : Added.NAME_TAKEN;
            }
        }
        try {
            return jdbi().inTransaction(h -> {
                h.createQuery("SELECT id FROM account WHERE id = :account FOR UPDATE").bind("account", d.accountId())
                        .mapTo(Long.class).findOne();
                long count = h.createQuery("SELECT COUNT(*) FROM vod_domain WHERE account_id = :account")
                        .bind("account", d.accountId()).mapTo(Long.class).one();
                if (count >= limit) {
                    return Added.LIMIT_REACHED;
                }
                insertRow(h, d);
                return Added.ADDED;
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                return Added.NAME_TAKEN;
            }
            throw e;
        }
    }

    private static void insertRow(Handle h, VodDomain d) {
        h.createUpdate("INSERT INTO vod_domain (account_id, domain_name, cname, "
                        + "domain_status, scope, sources, check_url, top_level_domain, description, ssl_protocol, "
                        + "gmt_created, gmt_modified) VALUES (:account, :name, :cname, :status, :scope, :sources, "
                        + ":checkUrl, :tld, :description, :ssl, :created, :modified)")
                .bind("account", d.accountId()).bind("name", d.domainName()).bind("cname", d.cname())
                .bind("status", d.domainStatus()).bind("scope", d.scope()).bind("sources", d.sources())
                .bind("checkUrl", d.checkUrl()).bind("tld", d.topLevelDomain())
                .bind("description", d.description()).bind("ssl", d.sslProtocol())
                .bind("created", d.gmtCreated()).bind("modified", d.gmtModified()).execute();
    }

    public Optional<VodDomain> find(long accountId, String domainName) {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM vod_domain "
                        + "WHERE domain_name = :name AND account_id = :account")
                .bind("name", domainName).bind("account", accountId).map((rs, ctx) -> map(rs)).findOne());
    }

    /**
     * The describe query: the domain, its certificate and its free-certificate status, from the
     * domain row and the certificate row only ({@code vod_domain.free_status} mirrors
     * {@code free_certificate.status}, V8), found through the unique name.
     */
    static final String FIND_WITH_CERTIFICATE = "SELECT d.id, d.account_id, d.domain_name, d.cname, "
            + "d.domain_status, d.scope, d.sources, d.check_url, d.top_level_domain, d.description, d.ssl_protocol, "
            + "d.cert_id, d.cert_domain_name, d.cname_status, d.gmt_created, d.gmt_modified, "
            + "c.id, c.account_id, c.cert_type, c.cert_name, c.cert_region, "
            + "c.certificate_pem, c.private_key_enc, c.common_name, c.issuer_org, c.fingerprint, "
            + "c.not_before, c.not_after, c.created_at, c.updated_at, d.free_status "
            + "FROM vod_domain d LEFT JOIN certificate c ON c.id = d.cert_id "
            + "WHERE d.domain_name = ? AND d.account_id = ?";

    /**
     * The domain with its certificate (null when it has none), in one query. Runs on every
     * {@code DescribeVodDomainCertificateInfo}: plain JDBC, columns read by position (see {@link PlainQuery}),
     * the answer remembered until the next write where the database allows it ({@link RememberedReads}).
     */
    public Optional<WithCertificate> findWithCertificate(long accountId, String domainName) {
        return lookups.get(new Lookup(accountId, domainName), () -> readWithCertificate(accountId, domainName));
    }

    /**
     * What {@code DescribeVodDomainCertificateInfo} shows of the domain: from the {@link DomainMirror}
     * on H2 (a hash lookup however many domains are stored), else from {@link #findWithCertificate}.
     */
    public Optional<DomainCertificate> findCertificateInfo(long accountId, String domainName) {
        if (mirror == null) {
            return findWithCertificate(accountId, domainName).map(WithCertificate::describe);
        }
        return mirror.find(accountId, domainName,
                () -> readWithCertificate(accountId, domainName).map(WithCertificate::describe));
    }

    private Optional<WithCertificate> readWithCertificate(long accountId, String domainName) {
        return plain.findOne(FIND_WITH_CERTIFICATE,
                statement -> {
                    statement.setString(1, domainName);
                    statement.setLong(2, accountId);
                },
                rs -> new WithCertificate(new VodDomain(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), nullableLong(rs, 12), rs.getString(13),
                        rs.getString(14), rs.getLong(15), rs.getLong(16)),
                        nullableLong(rs, 17) == null ? null : new StoredCertificate(rs.getLong(17), rs.getLong(18),
                                rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22),
                                rs.getString(23), rs.getString(24), rs.getString(25), rs.getString(26),
                                rs.getLong(27), rs.getLong(28), rs.getLong(29), rs.getLong(30)),
                        rs.getString(31)));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public long countByAccount(long accountId) {
        return jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vod_domain WHERE account_id = :account")
                .bind("account", accountId).mapTo(Long.class).one());
    }

    public void setSslProtocol(long domainId, String sslProtocol, long now) {
        jdbi().useHandle(h -> h.createUpdate("UPDATE vod_domain SET ssl_protocol = :ssl, gmt_modified = :now "
                        + "WHERE id = :id")
                .bind("ssl", sslProtocol).bind("now", now).bind("id", domainId).execute());
    }

    /**
     * Stores a new certificate and points the domain at it with HTTPS on, in one transaction. The
     * certificate the domain had before is deleted when it was an upload that no other domain uses.
     *
     * @return empty, storing nothing, when the domain was deleted meanwhile
     */
    public Optional<StoredCertificate> attachNewCertificate(VodDomain domain, StoredCertificate certificate,
                                                            String certDomainName, long now) {
        return jdbi().inTransaction(h -> {
            Optional<Locked> locked = lockDomain(h, domain.id());
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            Long before = locked.get().certId();
            StoredCertificate stored = CertificateStore.insert(h, certificate);
            h.createUpdate("UPDATE vod_domain SET cert_id = :cert, cert_domain_name = :cdn, ssl_protocol = 'on', "
                            + "gmt_modified = :now WHERE id = :id")
                    .bind("cert", stored.id()).bind("cdn", certDomainName).bind("now", now).bind("id", domain.id())
                    .execute();
            deleteUnusedUpload(h, before);
            return Optional.of(stored);
        });
    }

    /**
     * Points the domain at a certificate of the account's certificate store ({@code cas}) with
     * HTTPS on, in one transaction; the upload it had before is deleted when no other domain uses it.
     *
     * @return false, changing nothing, when that certificate is not (or no longer) in the store
     */
    public boolean attachStoredCertificate(VodDomain domain, long certId, String certDomainName, long now) {
        try {
            return jdbi().inTransaction(h -> {
                Optional<Locked> locked = lockDomain(h, domain.id());
                boolean stillStored = h.createQuery("SELECT id FROM certificate WHERE id = :cert AND account_id = "
                                + ":account AND cert_type = 'cas' FOR UPDATE")
                        .bind("cert", certId).bind("account", domain.accountId()).mapTo(Long.class).findOne()
                        .isPresent();
                if (locked.isEmpty() || !stillStored) {
                    return false;
                }
                Long before = locked.get().certId();
                int updated = h.createUpdate("UPDATE vod_domain SET cert_id = :cert, cert_domain_name = :cdn, "
                                + "ssl_protocol = 'on', gmt_modified = :now WHERE id = :id AND EXISTS (SELECT 1 "
                                + "FROM certificate WHERE id = :cert AND account_id = :account AND cert_type = 'cas')")
                        .bind("cert", certId).bind("cdn", certDomainName).bind("now", now).bind("id", domain.id())
                        .bind("account", domain.accountId()).execute();
                if (updated == 0) {
                    return false;
                }
                if (before != null && before != certId) {
                    deleteUnusedUpload(h, before);
                }
                return true;
            });
        } catch (RuntimeException e) {
            if (IntegrityViolation.isForeignKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** A domain row locked by this transaction, and the certificate it points at (null for none). */
    private record Locked(Long certId) {
    }

    /**
     * The certificate the domain points at now, its row locked until the transaction ends, or empty
     * when the domain is gone: the one a replacement or a deletion removes is
     * the one the domain has at that moment, even when another change of the same domain committed
     * after the caller read it (else that one's certificate would stay, unused), and a change that
     * comes after the domain's deletion finds no row and stores nothing.
     */
    private static Optional<Locked> lockDomain(Handle h, long domainId) {
        return h.createQuery("SELECT cert_id FROM vod_domain WHERE id = :id FOR UPDATE").bind("id", domainId)
                .map((rs, ctx) -> new Locked(nullableLong(rs, 1))).findOne();
    }

    private static void deleteUnusedUpload(Handle h, Long certId) {
        if (certId != null) {
            h.createUpdate("DELETE FROM certificate WHERE id = :old AND cert_type = 'upload' "
                            + "AND NOT EXISTS (SELECT 1 FROM vod_domain WHERE cert_id = :old)")
                    .bind("old", certId).execute();
        }
    }

    /** Replaces the origins (canonical {@code Sources} JSON) and the top-level domain of one domain. */
    public void updateOrigins(long domainId, String sources, String topLevelDomain, long now) {
        jdbi().useHandle(h -> h.createUpdate("UPDATE vod_domain SET sources = :sources, top_level_domain = :tld, "
                        + "gmt_modified = :now WHERE id = :id")
                .bind("sources", sources).bind("tld", topLevelDomain).bind("now", now).bind("id", domainId)
                .execute());
    }

    /**
     * Deletes a domain with its tags, and in the same transaction the certificate it used unless
     * that is a {@code cas} certificate (which lives in the certificate store on its own) or another
     * domain still uses it.
     */
    public void delete(VodDomain domain) {
        jdbi().useTransaction(h -> {
            Optional<Locked> locked = lockDomain(h, domain.id());
            if (locked.isEmpty()) {
                return;
            }
            h.createUpdate("DELETE FROM vod_domain WHERE id = :id").bind("id", domain.id()).execute();
            Long certId = locked.get().certId();
            if (certId != null) {
                h.createUpdate("DELETE FROM certificate WHERE id = :cert AND cert_type <> 'cas' "
                                + "AND NOT EXISTS (SELECT 1 FROM vod_domain WHERE cert_id = :cert)")
                        .bind("cert", certId).execute();
            }
        });
    }

    /**
     * Sets the status of the named domains of an account, all or none: in one transaction the
     * domains found are handed to {@code check}, which refuses by throwing (then nothing changes);
     * otherwise every one of them gets {@code status}.
     */
    public void setStatus(long accountId, Collection<String> names, String status, long now,
                          Consumer<List<VodDomain>> check) {
        jdbi().useTransaction(h -> {
            List<VodDomain> found = findByNames(h, accountId, names);
            check.accept(found);
            int changed = h.createUpdate("UPDATE vod_domain SET domain_status = :status, gmt_modified = :now "
                            + "WHERE account_id = :account AND domain_name IN (<names>)")
                    .bind("status", status).bind("now", now).bind("account", accountId)
                    .bindList("names", List.copyOf(names)).execute();
            if (changed != found.size()) {
                throw new IllegalStateException("Domains changed during a batch status update; rolled back");
            }
        });
    }

    /** The account's domains of these stored names, by name, in the caller's transaction. */
    static List<VodDomain> findByNames(Handle h, long accountId, Collection<String> names) {
        return h.createQuery("SELECT " + COLUMNS + " FROM vod_domain "
                        + "WHERE account_id = :account AND domain_name IN (<names>) ORDER BY domain_name")
                .bind("account", accountId).bindList("names", List.copyOf(names))
                .map((rs, ctx) -> map(rs)).list();
    }

    /** Whether the account has a domain named {@code root} or ending in {@code .root} (wildcards included). */
    public boolean hasDomainUnder(long accountId, String root) {
        return jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vod_domain WHERE account_id = :account "
                        + "AND (domain_name = :root OR domain_name LIKE :suffix)")
                .bind("account", accountId).bind("root", root).bind("suffix", "%." + root)
                .mapTo(Long.class).one() > 0);
    }

    static VodDomain map(ResultSet rs) throws SQLException {
        return new VodDomain(rs.getLong("id"), rs.getLong("account_id"), rs.getString("domain_name"),
                rs.getString("cname"), rs.getString("domain_status"), rs.getString("scope"), rs.getString("sources"),
                rs.getString("check_url"), rs.getString("top_level_domain"), rs.getString("description"),
                rs.getString("ssl_protocol"), rs.getObject("cert_id") == null ? null : rs.getLong("cert_id"),
                rs.getString("cert_domain_name"), rs.getString("cname_status"), rs.getLong("gmt_created"),
                rs.getLong("gmt_modified"));
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

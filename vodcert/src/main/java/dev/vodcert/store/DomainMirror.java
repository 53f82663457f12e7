package dev.vodcert.store;

import dev.vodcert.certificate.DomainCertificate;
import dev.vodcert.certificate.StoredCertificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What {@code DescribeVodDomainCertificateInfo} reads, kept in memory on the embedded H2 file, so
 * that its cost does not grow with the number of domains stored (issue 6): every domain's describe
 * fields (~65 bytes each in a {@link DomainTable}, loaded in the background after the API opens,
 * {@link #load}) and the {@value #CERTIFICATES_KEPT} most used certificates. Row triggers on {@code vod_domain} and
 * {@code certificate} ({@link MirrorTrigger}) report every write of this process's database, by any
 * path, before it commits; {@link MirroredRows} keeps nothing read while a write is under way. Until
 * the load has finished, a name not yet mirrored is read from the database. Not used on PostgreSQL,
 * which other nodes write behind this one's back.
 */
public final class DomainMirror {
    /** Certificates kept (the answer carries the PEM chain; several domains often share one). */
    static final int CERTIFICATES_KEPT = 4_096;
    /** Domains read per statement by the load. */
    static final int LOAD_BATCH = 10_000;
    static final String DOMAIN_TRIGGER = "vodcert_mirror_vod_domain";
    static final String CERTIFICATE_TRIGGER = "vodcert_mirror_certificate";

    /** Every mirror of each open H2 file: the service's, and one per other {@link Database} on it (admin commands in its JVM). */
    private static final Map<String, List<DomainMirror>> BY_PATH = new ConcurrentHashMap<>();
    private static final String DOMAIN_COLUMNS = "account_id, cert_id, ssl_protocol, cname_status, "
            + "cert_domain_name, free_status";

    private final String path;
    private final PlainQuery plain;
    final MirroredRows<String, DomainTable.Domain> domains = MirroredRows.all();
    final MirroredRows<Long, StoredCertificate> certificates = MirroredRows.bounded(CERTIFICATES_KEPT);

    private DomainMirror(String path, PlainQuery plain) {
        this.path = path;
        this.plain = plain;
    }

    /**
     * Registers the mirror of the H2 database behind {@code plain}, then makes sure its triggers
     * exist (they stay in the file; a process with no mirror registered ignores them).
     */
    static DomainMirror start(PlainQuery plain) {
        String path = plain.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE_PATH()")) {
                rs.next();
                return rs.getString(1);
            }
        });
        DomainMirror mirror = new DomainMirror(path, plain);
        BY_PATH.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(mirror);
        plain.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(trigger(DOMAIN_TRIGGER, "vod_domain"));
                s.execute(trigger(CERTIFICATE_TRIGGER, "certificate"));
            }
            return null;
        });
        return mirror;
    }

    private static String trigger(String name, String table) {
        return "CREATE TRIGGER IF NOT EXISTS " + name + " AFTER INSERT, UPDATE, DELETE ON " + table
                + " FOR EACH ROW CALL '" + MirrorTrigger.class.getName() + "'";
    }

    /** The mirrors registered for the H2 database at {@code path} ({@code DATABASE_PATH()}); none when empty. */
    static List<DomainMirror> at(String path) {
        return BY_PATH.getOrDefault(path, List.of());
    }

    /** Stops being told of writes (the database is closing). */
    void stop() {
        List<DomainMirror> mirrors = BY_PATH.get(path);
        if (mirrors != null) {
            mirrors.remove(this);
        }
    }

    /**
     * The describe fields of {@code domainName} when {@code accountId} owns it; {@code consistent}
     * (the one-statement read) when its certificate vanished between the two reads.
     */
    Optional<DomainCertificate> find(long accountId, String domainName, Supplier<Optional<DomainCertificate>> consistent) {
        Optional<DomainTable.Domain> found = domains.get(domainName, this::readDomain);
        if (found.isEmpty() || found.get().accountId() != accountId) {
            return Optional.empty();
        }
        DomainTable.Domain d = found.get();
        StoredCertificate certificate = null;
        if (d.certId() != 0) {
            Optional<StoredCertificate> c = certificates.get(d.certId(), this::readCertificate);
            if (c.isEmpty()) {
                return consistent.get();
            }
            certificate = c.get();
        }
        return Optional.of(new DomainCertificate(domainName, d.sslProtocol(), d.cnameStatus(), d.certDomainName(),
                certificate, d.freeStatus()));
    }

    /**
     * Reads every domain, {@value #LOAD_BATCH} per statement, into a {@link DomainTable} behind the
     * rows written meanwhile; returns how many.
     */
    int load() {
        DomainTable.Builder table = new DomainTable.Builder();
        long after = 0;
        while (true) {
            long from = after;
            int[] count = new int[1];
            long last = plain.read(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT id, domain_name, " + DOMAIN_COLUMNS
                        + " FROM vod_domain WHERE id > ? ORDER BY id LIMIT " + LOAD_BATCH)) {
                    s.setLong(1, from);
                    long lastId = from;
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            lastId = rs.getLong(1);
                            String name = rs.getString(2);
                            table.add(name, domain(rs, 3));
                            count[0]++;
                        }
                    }
                    return lastId;
                }
            });
            if (count[0] < LOAD_BATCH) {
                DomainTable loaded = table.build();
                domains.complete(loaded::find);
                return loaded.size();
            }
            after = last;
        }
    }

    private Optional<DomainTable.Domain> readDomain(String name) {
        return plain.findOne("SELECT " + DOMAIN_COLUMNS + " FROM vod_domain WHERE domain_name = ?",
                s -> s.setString(1, name), rs -> domain(rs, 1));
    }

    private Optional<StoredCertificate> readCertificate(long id) {
        return plain.findOne("SELECT " + CertificateStore.COLUMNS + " FROM certificate WHERE id = ?",
                s -> s.setLong(1, id), CertificateStore::map);
    }

    /** The domain's fields, from column {@code first} on. */
    private static DomainTable.Domain domain(ResultSet rs, int first) throws SQLException {
        long certId = rs.getLong(first + 1);
        boolean noCertificate = rs.wasNull();
        return new DomainTable.Domain(rs.getLong(first), noCertificate ? 0 : certId, rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5));
    }
}

package dev.vodcert.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What operators count, by SQL aggregates, never by reading every row into Java: domains by HTTPS
 * and free-certificate status (one grouped scan of {@code vod_domain}), certificates by type,
 * certificates in use expiring within windows and the earliest expiry (ranges of the
 * {@code certificate (not_after)} index), expiries and renewals per day, and the few domains worth
 * a series of their own (failing, or expiring soon), capped. "In use" means some domain serves the
 * certificate; stored certificates no domain uses do not make an operator act.
 */
public final class CertificateCounts {
    /** Free-certificate statuses that wait for the user: cert-manager's Ready condition False. */
    public static final List<String> FAILING = List.of("cname_error", "domain_invalid", "unsupport_wildcard", "failed");
    static final long DAY = 86_400_000L;
    private static final String IN_USE = "EXISTS (SELECT 1 FROM vod_domain u WHERE u.cert_id = c.id)";

    /**
     * @param domainsByHttps   {@code on}/{@code off} to counts
     * @param domainsByFree    free-certificate status to domains (only domains with a lifecycle)
     * @param certificatesByType {@code upload}/{@code free}/{@code cas} to stored certificates
     * @param expiring         certificates in use: {@code expired}, {@code 7d}, {@code 14d}, {@code 30d}
     *                         (each window from now, the expired not included)
     * @param earliestExpiry   the earliest expiry of a certificate in use (epoch ms), or null
     */
    public record Counts(long domains, long domainsWithCertificate, Map<String, Long> domainsByHttps,
                         Map<String, Long> domainsByFree, Map<String, Long> certificatesByType,
                         Map<String, Long> expiring, Long earliestExpiry) {
        public long failing() {
            return FAILING.stream().mapToLong(s -> domainsByFree.getOrDefault(s, 0L)).sum();
        }
    }

    /** A domain worth its own series: its certificate's expiry and renewal (epoch ms, or null), its free status. */
    public record AtRisk(String domainName, Long notAfter, Long renewAt, String freeStatus) {
    }

    private final Supplier<Jdbi> jdbi;

    public CertificateCounts(Database database) {
        this.jdbi = database.lazyJdbi();
    }

    public CertificateCounts(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
    }

    public Counts counts(long now) {
        return jdbi.get().inTransaction(h -> {
            Map<String, Long> https = new TreeMap<>();
            Map<String, Long> free = new TreeMap<>();
            long[] totals = new long[2];
            h.createQuery("SELECT ssl_protocol, free_status, COUNT(*) AS n, COUNT(cert_id) AS with_cert "
                            + "FROM vod_domain GROUP BY ssl_protocol, free_status")
                    .map((rs, ctx) -> {
                        long n = rs.getLong("n");
                        https.merge(rs.getString("ssl_protocol"), n, Long::sum);
                        if (rs.getString("free_status") != null) {
                            free.merge(rs.getString("free_status"), n, Long::sum);
                        }
                        totals[0] += n;
                        totals[1] += rs.getLong("with_cert");
                        return n;
                    }).list();
            Map<String, Long> types = new TreeMap<>();
            h.createQuery("SELECT cert_type, COUNT(*) AS n FROM certificate GROUP BY cert_type")
                    .map((rs, ctx) -> types.merge(rs.getString("cert_type"), rs.getLong("n"), Long::sum)).list();
            return new Counts(totals[0], totals[1], https, free, types, expiring(h, now), earliest(h));
        });
    }

    private static Map<String, Long> expiring(Handle h, long now) {
        Map<String, Long> out = new TreeMap<>();
        h.createQuery("SELECT COALESCE(SUM(CASE WHEN c.not_after < :now THEN 1 ELSE 0 END), 0) AS expired, "
                        + window("7d", 7) + ", " + window("14d", 14) + ", " + window("30d", 30)
                        + " FROM certificate c WHERE c.not_after < :d30 AND " + IN_USE)
                .bind("now", now).bind("d7", now + 7 * DAY).bind("d14", now + 14 * DAY).bind("d30", now + 30 * DAY)
                .map((rs, ctx) -> {
                    for (String k : List.of("expired", "7d", "14d", "30d")) {
                        out.put(k, rs.getLong(k.equals("expired") ? k : "w" + k));
                    }
                    return out;
                }).one();
        return out;
    }

    private static String window(String name, int days) {
        return "COALESCE(SUM(CASE WHEN c.not_after >= :now AND c.not_after < :d" + days + " THEN 1 ELSE 0 END), 0) AS w"
                + name;
    }

    private static Long earliest(Handle h) {
        return h.createQuery("SELECT c.not_after FROM certificate c WHERE " + IN_USE + " ORDER BY c.not_after LIMIT 1")
                .mapTo(Long.class).findOne().orElse(null);
    }

    /** Certificates in use expiring on each of {@code days} days from {@code start} (epoch ms, a day's start). */
    public long[] expiriesPerDay(long start, int days) {
        return perDay("SELECT (c.not_after - :start) / " + DAY
                + " AS day_index FROM certificate c WHERE c.not_after >= :start AND c.not_after < :end AND "
                + IN_USE, start, days);
    }

    /** Renewals of issued free certificates due on each of {@code days} days from {@code start}. */
    public long[] renewalsPerDay(long start, int days) {
        return perDay("SELECT (f.next_attempt_at - :start) / " + DAY
                + " AS day_index FROM free_certificate f WHERE f.next_attempt_at >= :start "
                + "AND f.next_attempt_at < :end AND f.status = 'success'", start, days);
    }

    private long[] perDay(String rows, long start, int days) {
        long[] out = new long[days];
        jdbi.get().withHandle(h -> h.createQuery("SELECT day_index, COUNT(*) AS n FROM (" + rows + ") r "
                        + "GROUP BY day_index")
                .bind("start", start).bind("end", start + days * DAY)
                .map((rs, ctx) -> out[(int) rs.getLong("day_index")] = rs.getLong("n")).list());
        return out;
    }

    /**
     * Up to {@code limit} domains whose certificate expires before {@code until} (the soonest
     * first), then up to the rest of {@code limit} whose free certificate is failing (by name).
     */
    public List<AtRisk> atRisk(long until, int limit) {
        return jdbi.get().withHandle(h -> {
            String columns = "SELECT d.domain_name, c.not_after, f.renew_at, d.free_status FROM ";
            Map<String, AtRisk> out = new LinkedHashMap<>();
            h.createQuery(columns + "certificate c JOIN vod_domain d ON d.cert_id = c.id LEFT JOIN free_certificate f "
                            + "ON f.domain_id = d.id WHERE c.not_after < :until ORDER BY c.not_after, d.domain_name "
                            + "LIMIT :limit").bind("until", until).bind("limit", limit)
                    .map((rs, ctx) -> out.putIfAbsent(rs.getString("domain_name"), atRisk(rs))).list();
            if (out.size() < limit) {
                h.createQuery(columns + "free_certificate f JOIN vod_domain d ON d.id = f.domain_id LEFT JOIN "
                                + "certificate c ON c.id = d.cert_id WHERE f.status IN (<failing>) "
                                + "ORDER BY d.domain_name LIMIT :limit").bindList("failing", FAILING)
                        .bind("limit", limit).map((rs, ctx) -> out.putIfAbsent(rs.getString("domain_name"), atRisk(rs))).list();
            }
            return out.values().stream().limit(limit).toList();
        });
    }

    private static AtRisk atRisk(ResultSet rs) throws SQLException {
        return new AtRisk(rs.getString("domain_name"), FreeCertificateRows.nullableLong(rs, "not_after"),
                FreeCertificateRows.nullableLong(rs, "renew_at"), rs.getString("free_status"));
    }
}

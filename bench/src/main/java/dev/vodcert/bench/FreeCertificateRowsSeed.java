package dev.vodcert.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.SplittableRandom;

/**
 * One {@code free_certificate} row per seeded domain that serves the seeded (free) certificate, spread as a service with that many free
 * certificates would hold them, so that the renewal scan ({@code FreeCertificateStore.due}) and the
 * lease heartbeat run over a realistic table. Per 10,000 domains:
 * <ul>
 * <li>20 due now ({@code checking}, asked for up to 10 minutes ago, not leased);
 * <li>2 being worked on ({@code applying}, leased by node {@value #LEASE_OWNER} for 2 more minutes);
 * <li>100 waiting for their CNAME ({@code cname_error}, re-checked within the next hour);
 * <li>50 parked ({@code failed}, {@code next_attempt_at} = Long.MAX_VALUE until asked again);
 * <li>the rest issued ({@code success}, naming the certificate the domain serves), renewal due 1 to
 * 60 days from now, uniformly.
 * </ul>
 * Each domain row gets the same status in {@code vod_domain.free_status}, as the service writes it.
 */
final class FreeCertificateRowsSeed {
    static final String LEASE_OWNER = "bench-node";
    private static final int BATCH = 10_000;
    private static final int COMMIT = 100_000;
    private static final long MINUTE = 60_000;
    private static final long DAY = 86_400_000;

    private FreeCertificateRowsSeed() {
    }

    static void insert(Connection c, long now) throws SQLException {
        long[][] served = servingDomains(c);
        long[] ids = served[0];
        long[] certs = served[1];
        SplittableRandom random = new SplittableRandom(42);
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO free_certificate (domain_id, status, "
                + "cname_status, attempts, checks, next_attempt_at, last_error, renew_at, lease_owner, "
                + "lease_expires_at, created_at, updated_at, cert_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement onDomain = c.prepareStatement("UPDATE vod_domain SET free_status = ? WHERE id = ?")) {
            for (int i = 0; i < ids.length; i++) {
                int bucket = random.nextInt(10_000);
                String status;
                String cname = "ok";
                int checks = 0;
                long next;
                String error = null;
                Long renewAt = null;
                String owner = null;
                long leaseExpires = 0;
                if (bucket < 20) {
                    status = "checking";
                    cname = null;
                    next = now - random.nextLong(10 * MINUTE);
                } else if (bucket < 22) {
                    status = "applying";
                    next = now - random.nextLong(MINUTE);
                    owner = LEASE_OWNER;
                    leaseExpires = now + 2 * MINUTE;
                } else if (bucket < 122) {
                    status = "cname_error";
                    cname = "cname_error";
                    checks = 1 + random.nextInt(6);
                    next = now + random.nextLong(60 * MINUTE);
                    error = "the CNAME does not point at the assigned target";
                } else if (bucket < 172) {
                    status = "failed";
                    next = Long.MAX_VALUE;
                    error = "the CA refused the order";
                } else {
                    status = "success";
                    next = now + DAY + random.nextLong(59 * DAY);
                    renewAt = next;
                }
                ps.setLong(1, ids[i]);
                ps.setString(2, status);
                ps.setString(3, cname);
                ps.setInt(4, 0);
                ps.setInt(5, checks);
                ps.setLong(6, next);
                ps.setString(7, error);
                if (renewAt == null) {
                    ps.setNull(8, Types.BIGINT);
                } else {
                    ps.setLong(8, renewAt);
                }
                ps.setString(9, owner);
                ps.setLong(10, leaseExpires);
                ps.setLong(11, now - 90 * DAY);
                ps.setLong(12, now);
                if ("success".equals(status)) {
                    ps.setLong(13, certs[i]);
                } else {
                    ps.setNull(13, Types.BIGINT);
                }
                ps.addBatch();
                onDomain.setString(1, status);
                onDomain.setLong(2, ids[i]);
                onDomain.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                    onDomain.executeBatch();
                }
                if ((i + 1) % COMMIT == 0) {
                    c.commit();
                }
            }
            ps.executeBatch();
            onDomain.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
    }

    /** The ids of the domains that serve a certificate, and the certificate each serves. */
    private static long[][] servingDomains(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet count = st.executeQuery("SELECT COUNT(*) FROM vod_domain WHERE cert_id IS NOT NULL")) {
            count.next();
            long[][] served = new long[2][count.getInt(1)];
            try (ResultSet rs = st.executeQuery("SELECT id, cert_id FROM vod_domain WHERE cert_id IS NOT NULL ORDER BY id")) {
                int i = 0;
                while (rs.next()) {
                    served[0][i] = rs.getLong(1);
                    served[1][i++] = rs.getLong(2);
                }
            }
            return served;
        }
    }
}

package dev.vodcert.server;

import dev.vodcert.testing.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link LeaseTakeoverTest} reads straight from PostgreSQL: who holds a free-certificate lease
 * now, what a dead node left behind, and per domain the orders placed and certificates stored.
 * Waits poll with a deadline; nothing sleeps for a state.
 */
final class LeaseTable implements AutoCloseable {
    /** The unexpired leases (domain id to {@code lease_expires_at}) a killed node left behind. */
    record Kill(String owner, Map<Long, Long> leases) {
    }

    private final Connection db;

    LeaseTable(String jdbcUrl) throws SQLException {
        db = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    /** The owner of a lease that has not expired, as soon as there is one. */
    String awaitHolder(long deadlineMillis) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT lease_owner FROM free_certificate "
                + "WHERE lease_owner IS NOT NULL AND lease_expires_at > ? LIMIT 1")) {
            while (System.currentTimeMillis() < deadlineMillis) {
                s.setLong(1, System.currentTimeMillis());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }
        throw new AssertionError("no node held a lease before the deadline");
    }

    /**
     * The leases {@code owner} holds; read once it is dead, they are what it left behind (read well
     * within the lease duration, so none can have been taken over yet).
     */
    Kill leftBy(String owner) throws SQLException {
        Map<Long, Long> leases = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT domain_id, lease_expires_at FROM free_certificate "
                + "WHERE lease_owner = ?")) {
            s.setString(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    leases.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return new Kill(owner, leases);
    }

    /** Returns once {@code domains} lifecycle rows are in {@code success}; fails with the statuses at the deadline. */
    void awaitAllSuccess(int domains, long deadlineMillis) throws Exception {
        while (System.currentTimeMillis() < deadlineMillis) {
            if (count("SELECT COUNT(*) FROM free_certificate WHERE status = 'success'") == domains) {
                return;
            }
            Thread.sleep(200);
        }
        StringBuilder statuses = new StringBuilder();
        try (PreparedStatement s = db.prepareStatement("SELECT status, COUNT(*) FROM free_certificate GROUP BY status");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                statuses.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
            }
        }
        throw new AssertionError("not every domain reached success before the deadline: " + statuses);
    }

    /** Orders placed with the CA ({@code certificate_order}), per domain id. */
    Map<Long, Long> ordersPerDomain() throws SQLException {
        return perKey("SELECT domain_id, COUNT(*) FROM certificate_order GROUP BY domain_id");
    }

    /** Stored free certificates named for each domain ({@code cert-<domain>}), per domain id. */
    Map<Long, Long> certificatesPerDomain() throws SQLException {
        return perKey("SELECT d.id, COUNT(*) FROM vod_domain d JOIN certificate c ON c.cert_type = 'free' "
                + "AND c.cert_name = 'cert-' || d.domain_name GROUP BY d.id");
    }

    /** Lifecycle rows whose certificate is not the one their domain serves. */
    long freeCertificateNotTheDomains() throws SQLException {
        return count("SELECT COUNT(*) FROM free_certificate f JOIN vod_domain d ON d.id = f.domain_id "
                + "WHERE f.cert_id IS DISTINCT FROM d.cert_id");
    }

    long updatedAt(long domainId) throws SQLException {
        return count("SELECT updated_at FROM free_certificate WHERE domain_id = " + domainId);
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<Long, Long> perKey(String sql) throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return counts;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}

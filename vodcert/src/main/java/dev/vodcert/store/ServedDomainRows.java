package dev.vodcert.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What the data plane reads of the store: a domain's switches, origins and current certificate
 * (the row {@code vod_domain.cert_id} points at, whatever its type: upload, cas or free), by name
 * or for every domain whose certificate is served, and a cheap summary that moves whenever what is
 * served may have changed. The private key stays encrypted here; the edge decrypts it in memory.
 */
public final class ServedDomainRows {
    /** One domain and its current certificate ({@code certId} 0 and null texts when it has none). */
    public record Row(String domainName, long accountId, String domainStatus, String sslProtocol, String sources,
                      long certId, String certificatePem, String privateKeyEnc, String fingerprint,
                      long certUpdatedAt, long gmtModified) {
        @Override
        public String toString() {
            return "ServedDomainRows.Row[" + domainName + ", " + domainStatus + ", " + sslProtocol + ", cert "
                    + certId + "]";
        }
    }

    /**
     * A summary of the served rows: how many, the sum and maximum of their modification times and
     * the sum of their certificate ids. Every write that changes what is served moves
     * {@code vod_domain.gmt_modified} of the row (a domain leaving the set lowers the count, one
     * entering it or changing raises the sums), so two equal summaries mean, in practice, no change.
     */
    public record Version(long count, long modifiedSum, long modifiedMax, long certIdSum) {
    }

    static final String SERVED = "d.domain_status = 'online' AND d.ssl_protocol = 'on' AND d.cert_id IS NOT NULL";
    private static final String SELECT = "SELECT d.domain_name, d.account_id, d.domain_status, d.ssl_protocol, "
            + "d.sources, c.id, c.certificate_pem, c.private_key_enc, c.fingerprint, c.updated_at, d.gmt_modified "
            + "FROM vod_domain d LEFT JOIN certificate c ON c.id = d.cert_id ";

    private final PlainQuery plain;

    public ServedDomainRows(Database database) {
        this.plain = database.plainQuery();
    }

    /** Over a bare Jdbi (tools, tests). */
    public ServedDomainRows(Jdbi jdbi) {
        this.plain = PlainQuery.through(jdbi);
    }

    /** The domains among {@code names} (canonical ASCII names) that exist, whatever their state. */
    public List<Row> byNames(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        String sql = SELECT + "WHERE d.domain_name IN (" + "?,".repeat(names.size() - 1) + "?)";
        return plain.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                for (String name : names) {
                    statement.setString(i++, name);
                }
                return rows(statement);
            }
        });
    }

    /** Every domain that is online, with HTTPS on and a certificate: what an edge presents. */
    public List<Row> served() {
        return plain.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT + "WHERE " + SERVED
                    + " ORDER BY d.domain_name")) {
                return rows(statement);
            }
        });
    }

    /** The summary of {@link #served()}, in one aggregate query (a scan of the domain table). */
    public Version version() {
        return plain.findOne("SELECT COUNT(*), COALESCE(SUM(d.gmt_modified), 0), COALESCE(MAX(d.gmt_modified), 0), "
                        + "COALESCE(SUM(d.cert_id), 0) FROM vod_domain d WHERE " + SERVED, statement -> { },
                rs -> new Version(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).orElseThrow();
    }

    private static List<Row> rows(PreparedStatement statement) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10),
                        rs.getLong(11)));
            }
        }
        return out;
    }
}

package dev.vodcert.store;

import dev.vodcert.issuance.FreeCertStatus;
import dev.vodcert.issuance.FreeCertificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The columns of {@code free_certificate} and how a row becomes a {@link FreeCertificate}. */
final class FreeCertificateRows {
    static final String[] NAMES = {"domain_id", "status", "cname_status", "attempts", "checks", "next_attempt_at",
        "order_reserved_at", "observed_cname", "resolver", "last_error", "last_checked_at", "cert_id", "renew_at",
        "lease_owner", "lease_expires_at", "created_at", "updated_at"};

    /** {@code f.domain_id AS f_domain_id, ...}: the row's columns under names that cannot clash in a join. */
    static final String ALIASED = Arrays.stream(NAMES).map(n -> "f." + n + " AS f_" + n)
            .collect(Collectors.joining(", "));

    /** The joined domain's columns, as {@link DomainStore#map} reads them. */
    static final String DOMAIN = Arrays.stream(DomainStore.COLUMNS.split(",")).map(String::strip)
            .map(n -> "d." + n).collect(Collectors.joining(", "));

    private FreeCertificateRows() {
    }

    static FreeCertificate map(ResultSet rs) throws SQLException {
        return new FreeCertificate(rs.getLong("f_domain_id"), FreeCertStatus.of(rs.getString("f_status")),
                rs.getString("f_cname_status"), rs.getInt("f_attempts"), rs.getInt("f_checks"),
                rs.getLong("f_next_attempt_at"), nullableLong(rs, "f_order_reserved_at"),
                rs.getString("f_observed_cname"), rs.getString("f_resolver"), rs.getString("f_last_error"),
                nullableLong(rs, "f_last_checked_at"), nullableLong(rs, "f_cert_id"), nullableLong(rs, "f_renew_at"),
                rs.getString("f_lease_owner"), rs.getLong("f_lease_expires_at"), rs.getLong("f_created_at"),
                rs.getLong("f_updated_at"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

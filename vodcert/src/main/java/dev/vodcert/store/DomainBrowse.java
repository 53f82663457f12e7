package dev.vodcert.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Every account's domains for the operators' console: a page at a time in name order with keyset
 * paging on the unique {@code domain_name} ({@code WHERE domain_name > :after ORDER BY domain_name
 * LIMIT n}, the database returns one page), optionally narrowed by a name search done in SQL
 * ({@code LIKE}; a prefix search walks the name index, a "contains" search scans names in order
 * until a page is full). One domain with its certificate's public PEM and never its private key.
 */
public final class DomainBrowse {
    /** How a search text matches names. */
    public enum Match { CONTAINS, PREFIX, EXACT }

    /** A domain as listed: its certificate's type and expiry (or null), its free-certificate status (or null). */
    public record Row(long id, long accountId, String domainName, String domainStatus, String cname,
                      String sslProtocol, String certType, Long notAfter, String freeStatus) {
    }

    /** A domain with its certificate: id, name and the public chain (PEM), all null without one. */
    public record Detail(Row domain, String sources, long createdAt, long modifiedAt, Long certId, String certName,
                         String certificatePem) {
    }

    private static final String COLUMNS = "d.id, d.account_id, d.domain_name, d.domain_status, d.cname, d.ssl_protocol, "
            + "c.cert_type, c.not_after, d.free_status FROM vod_domain d LEFT JOIN certificate c ON c.id = d.cert_id ";

    private final Supplier<Jdbi> jdbi;

    public DomainBrowse(Database database) {
        this.jdbi = database.lazyJdbi();
    }

    public DomainBrowse(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
    }

    /** Up to {@code limit} domains named after {@code after} ("" for the first page) matching {@code text} (null: all). */
    public List<Row> page(String text, Match match, String after, int limit) {
        String filter = text == null || text.isEmpty() ? "" : match == Match.EXACT ? " AND d.domain_name = :text"
                : " AND d.domain_name LIKE :text ESCAPE '\\'";
        String bound = text == null ? "" : switch (match) {
            case EXACT -> text;
            case PREFIX -> like(text) + "%";
            case CONTAINS -> "%" + like(text) + "%";
        };
        return jdbi.get().withHandle(h -> h.createQuery("SELECT " + COLUMNS + "WHERE d.domain_name > :after" + filter
                        + " ORDER BY d.domain_name LIMIT :limit")
                .bind("after", after).bind("text", bound).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list());
    }

    /** All domains (a count the database keeps cheaply on H2; one index scan on PostgreSQL). */
    public long count() {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vod_domain").mapTo(Long.class).one());
    }

    public Optional<Detail> find(String domainName) {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT " + COLUMNS.replace(" FROM ", ", d.sources, "
                        + "d.gmt_created, d.gmt_modified, c.id AS cert_id, c.cert_name, c.certificate_pem FROM ")
                        + "WHERE d.domain_name = :name").bind("name", domainName)
                .map((rs, ctx) -> new Detail(row(rs), rs.getString("sources"), rs.getLong("gmt_created"),
                        rs.getLong("gmt_modified"), FreeCertificateRows.nullableLong(rs, "cert_id"),
                        rs.getString("cert_name"), rs.getString("certificate_pem")))
                .findOne());
    }

    /** The text with LIKE's pattern characters escaped (the statement declares {@code \} the escape). */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("account_id"), rs.getString("domain_name"),
                rs.getString("domain_status"), rs.getString("cname"), rs.getString("ssl_protocol"),
                rs.getString("cert_type"), FreeCertificateRows.nullableLong(rs, "not_after"),
                rs.getString("free_status"));
    }
}

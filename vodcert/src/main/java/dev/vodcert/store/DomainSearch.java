package dev.vodcert.store;

import dev.vodcert.domain.DomainQuery;
import dev.vodcert.domain.DomainTag;
import dev.vodcert.domain.VodDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * A page of an account's domains for {@code DescribeVodUserDomains}, in name order, read with
 * {@code LIMIT/OFFSET} along the {@code (account_id, domain_name)} index: the database returns one
 * page, never the whole list. Name filters become {@code LIKE} patterns (the filter text holds no
 * pattern characters, see {@link DomainQuery#nameFilter}); each tag of the query is one
 * {@code EXISTS} over {@code vod_domain_tag}.
 */
public final class DomainSearch {
    /** One page and the number of domains matching in all. */
    public record Page(List<VodDomain> domains, long totalCount) {
    }

    private final Supplier<Jdbi> jdbi;

    /** The service's: its Jdbi is made when first needed ({@link Database#jdbi()}), not when this is. */
    public DomainSearch(Database database) {
        this.jdbi = database.lazyJdbi();
    }

    public DomainSearch(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
    }

    /** Page {@code pageNumber} (from 1) of {@code pageSize} domains. */
    public Page find(DomainQuery query, long pageNumber, int pageSize) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String where = where(query, binds);
        return jdbi().inTransaction(h -> {
            long total = bindAll(h.createQuery("SELECT COUNT(*) FROM vod_domain d " + where), binds)
                    .mapTo(Long.class).one();
            List<VodDomain> page = bindAll(h.createQuery("SELECT d.* FROM vod_domain d " + where
                            + " ORDER BY d.domain_name LIMIT :limit OFFSET :offset"), binds)
                    .bind("limit", pageSize).bind("offset", (pageNumber - 1) * pageSize)
                    .map((rs, ctx) -> DomainStore.map(rs)).list();
            return new Page(page, total);
        });
    }

    private static String where(DomainQuery query, Map<String, Object> binds) {
        StringBuilder sql = new StringBuilder("WHERE d.account_id = :account");
        binds.put("account", query.accountId());
        if (query.text() != null) {
            String text = query.text();
            switch (query.searchType()) {
                case FULL_MATCH -> sql.append(" AND d.domain_name = :name");
                case PRE_MATCH -> {
                    sql.append(" AND d.domain_name LIKE :name");
                    text = text + "%";
                }
                case SUF_MATCH -> {
                    sql.append(" AND d.domain_name LIKE :name");
                    text = "%" + text;
                }
                case FUZZY_MATCH -> {
                    sql.append(" AND d.domain_name LIKE :name");
                    text = "%" + text + "%";
                }
                default -> throw new IllegalArgumentException(query.searchType().toString());
            }
            binds.put("name", text);
        }
        if (query.status() != null) {
            sql.append(" AND d.domain_status = :status");
            binds.put("status", query.status().wire());
        }
        appendTagFilter(sql, binds, query.tags());
        return sql.toString();
    }

    /**
     * Appends to a query over {@code vod_domain d} the condition that the domain carries every one
     * of {@code tags} (a null value: any value of the key), with its bindings.
     */
    static void appendTagFilter(StringBuilder sql, Map<String, Object> binds, List<DomainTag> tags) {
        for (int i = 0; i < tags.size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM vod_domain_tag t").append(i).append(" WHERE t").append(i)
                    .append(".domain_id = d.id AND t").append(i).append(".tag_key = :key").append(i);
            binds.put("key" + i, tags.get(i).key());
            if (tags.get(i).value() != null) {
                sql.append(" AND t").append(i).append(".tag_value = :value").append(i);
                binds.put("value" + i, tags.get(i).value());
            }
            sql.append(')');
        }
    }

    /** On {@link Query}, not generic over {@code SqlStatement}: verifying that would load Jdbi before the API opens. */
    private static Query bindAll(Query statement, Map<String, Object> binds) {
        binds.forEach(statement::bind);
        return statement;
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

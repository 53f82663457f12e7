package dev.vodcert.store;

import dev.vodcert.domain.ConfigRule;
import dev.vodcert.domain.DomainConfig;
import dev.vodcert.domain.FunctionArgsJson;
import dev.vodcert.domain.VodDomain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code vod_domain_config} table: configuration rules of accelerated domains, read by the
 * domain's id (indexed) and never kept in the domain mirror. Writes over several domains are all
 * or none: in one transaction the domains found by name go to a check that refuses by throwing,
 * and a {@code configId} that is not a rule of the domain goes to a callback that must throw.
 */
public final class DomainConfigStore {
    private static final String COLUMNS = "id, domain_id, function_name, status, function_args";

    /** A domain's HTTPS switch with its rules of some functions, as the HTTPS edge reads them. */
    public record DomainRules(long domainId, String sslProtocol, List<DomainConfig> rules) {
    }

    private record Row(long domainId, String sslProtocol, DomainConfig rule) {
    }

    private final Supplier<Jdbi> jdbi;

    /** The service's: its Jdbi is made when first needed ({@link Database#jdbi()}), not when this is. */
    public DomainConfigStore(Database database) {
        this.jdbi = database.lazyJdbi();
    }

    public DomainConfigStore(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
    }

    /**
     * Stores {@code rules} (checked) on each named domain: a rule with a {@code configId} replaces
     * that rule, one without replaces the domain's rule of its function or adds it; a rule that
     * {@linkplain ConfigRule#excludes() excludes} another function removes that function's rule.
     */
    public void set(long accountId, Collection<String> names, List<ConfigRule> rules, long now,
                    Consumer<List<VodDomain>> check, LongConsumer configNotFound) {
        jdbi().useTransaction(h -> {
            List<VodDomain> found = DomainStore.findByNames(h, accountId, names);
            check.accept(found);
            for (VodDomain d : found) {
                for (ConfigRule rule : rules) {
                    set(h, d.id(), rule, now, configNotFound);
                }
            }
        });
    }

    private static void set(Handle h, long domainId, ConfigRule rule, long now, LongConsumer configNotFound) {
        if (rule.excludes() != null) {
            h.createUpdate("DELETE FROM vod_domain_config WHERE domain_id = :d AND function_name = :f")
                    .bind("d", domainId).bind("f", rule.excludes()).execute();
        }
        Long id = rule.configId();
        if (id == null) {
            id = h.createQuery("SELECT id FROM vod_domain_config WHERE domain_id = :d AND function_name = :f "
                            + "ORDER BY id")
                    .bind("d", domainId).bind("f", rule.functionName()).mapTo(Long.class).findFirst().orElse(null);
        }
        String args = FunctionArgsJson.write(rule.args());
        if (id == null) {
            h.createUpdate("INSERT INTO vod_domain_config (domain_id, function_name, function_args, status, created_at, "
                            + "updated_at) VALUES (:d, :f, :args, :status, :now, :now)")
                    .bind("d", domainId).bind("f", rule.functionName()).bind("args", args)
                    .bind("status", DomainConfig.SUCCESS).bind("now", now).execute();
            return;
        }
        int changed = h.createUpdate("UPDATE vod_domain_config SET function_args = :args, status = :status, "
                        + "updated_at = :now WHERE id = :id AND domain_id = :d AND function_name = :f")
                .bind("args", args).bind("status", DomainConfig.SUCCESS).bind("now", now).bind("id", id)
                .bind("d", domainId).bind("f", rule.functionName()).execute();
        if (changed == 0) {
            configNotFound.accept(id);
            throw new IllegalStateException("configNotFound must throw");
        }
    }

    /** The domain's rules of these functions (all of them when {@code functionNames} is empty), by ConfigId. */
    public List<DomainConfig> list(long domainId, Collection<String> functionNames) {
        return jdbi().withHandle(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM vod_domain_config WHERE domain_id = :d"
                    + (functionNames.isEmpty() ? "" : " AND function_name IN (<names>)") + " ORDER BY id");
            query.bind("d", domainId);
            if (!functionNames.isEmpty()) {
                query.bindList("names", List.copyOf(functionNames));
            }
            return query.map((rs, ctx) -> map(rs)).list();
        });
    }

    /**
     * Deletes the rules {@code ids} of one domain, all or none: when one of them is not a rule of
     * that domain, {@code configNotFound} gets it and must throw.
     */
    public void delete(long domainId, Collection<Long> ids, LongConsumer configNotFound) {
        jdbi().useTransaction(h -> {
            List<Long> present = h.createQuery("SELECT id FROM vod_domain_config WHERE domain_id = :d AND id IN (<ids>)")
                    .bind("d", domainId).bindList("ids", List.copyOf(ids)).mapTo(Long.class).list();
            for (Long id : ids) {
                if (!present.contains(id)) {
                    configNotFound.accept(id);
                    throw new IllegalStateException("configNotFound must throw");
                }
            }
            h.createUpdate("DELETE FROM vod_domain_config WHERE domain_id = :d AND id IN (<ids>)")
                    .bind("d", domainId).bindList("ids", List.copyOf(ids)).execute();
        });
    }

    /** The domain of this stored name (any account) with its rules of {@code functionNames}; empty when no such domain. */
    public Optional<DomainRules> rulesByDomainName(String domainName, Collection<String> functionNames) {
        return jdbi().withHandle(h -> {
            List<Row> rows = h.createQuery("SELECT d.id, d.ssl_protocol, c.id, c.domain_id, c.function_name, "
                            + "c.status, c.function_args FROM vod_domain d LEFT JOIN vod_domain_config c "
                            + "ON c.domain_id = d.id AND c.function_name IN (<names>) "
                            + "WHERE d.domain_name = :name ORDER BY c.id")
                    .bind("name", domainName).bindList("names", List.copyOf(functionNames))
                    .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2),
                            rs.getObject(3) == null ? null : new DomainConfig(rs.getLong(3), rs.getLong(4),
                                    rs.getString(5), rs.getString(6), FunctionArgsJson.read(rs.getString(7)))))
                    .list();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            List<DomainConfig> rules = rows.stream().map(Row::rule).filter(r -> r != null).toList();
            return Optional.of(new DomainRules(rows.get(0).domainId(), rows.get(0).sslProtocol(), rules));
        });
    }

    private static DomainConfig map(ResultSet rs) throws SQLException {
        return new DomainConfig(rs.getLong("id"), rs.getLong("domain_id"), rs.getString("function_name"),
                rs.getString("status"), FunctionArgsJson.read(rs.getString("function_args")));
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

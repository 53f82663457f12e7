package dev.vodcert.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A single-row read in plain JDBC, on a connection from Jdbi's pool, for the queries that run on
 * every request: Jdbi's statement machinery (binding by name, argument factories, mapping by column
 * name) costs more than such a query itself (bench/README.md). Failures surface as Jdbi's, their
 * SQL cause kept, so callers see the same exceptions as from any other read.
 */
final class PlainQuery {
    /** Binds parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Maps the current row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private PlainQuery() {
    }

    static <T> Optional<T> findOne(Jdbi jdbi, String sql, Binder binder, RowMapper<T> mapper) {
        return jdbi.withHandle(h -> {
            try (PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(mapper.map(rows)) : Optional.<T>empty();
                }
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        });
    }
}

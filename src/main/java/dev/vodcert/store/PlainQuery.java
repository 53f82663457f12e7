package dev.vodcert.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A single-row read in plain JDBC, for the queries that run on every request: Jdbi's statement
 * machinery (binding by name, argument factories, mapping by column name) costs more than such a
 * query itself (bench/README.md). The service reads on a connection straight from the pool
 * ({@link #on}); stores made from a bare {@link Jdbi} (tools, tests) through a handle
 * ({@link #through}). Failures surface as Jdbi's, their SQL cause kept, so callers see the same
 * exceptions as from any other read.
 */
abstract class PlainQuery {
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

    /** Reads on pooled connections taken from {@code pool} without a Jdbi handle. */
    static PlainQuery on(DataSource pool) {
        return new PlainQuery() {
            @Override
            <T> Optional<T> findOne(String sql, Binder binder, RowMapper<T> mapper) {
                try (Connection connection = pool.getConnection()) {
                    return read(connection, sql, binder, mapper);
                } catch (SQLException e) {
                    throw new UnableToExecuteStatementException(e, null);
                }
            }
        };
    }

    /** Reads on the connection of a Jdbi handle. */
    static PlainQuery through(Jdbi jdbi) {
        return new PlainQuery() {
            @Override
            <T> Optional<T> findOne(String sql, Binder binder, RowMapper<T> mapper) {
                return jdbi.withHandle(h -> {
                    try {
                        return read(h.getConnection(), sql, binder, mapper);
                    } catch (SQLException e) {
                        throw new UnableToExecuteStatementException(e, null);
                    }
                });
            }
        };
    }

    abstract <T> Optional<T> findOne(String sql, Binder binder, RowMapper<T> mapper);

    private static <T> Optional<T> read(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.<T>empty();
            }
        }
    }
}

package dev.vodcert.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Statements in plain JDBC, for the queries that run on every request and for what the start runs
 * before the API opens: Jdbi's statement machinery (binding by name, argument factories, mapping by
 * column name) costs more than such a query itself (bench/README.md), and Jdbi's first statement of
 * a process costs more than the rest of the start (issue 6). The service works on a connection
 * straight from the pool ({@link #on}), in auto-commit: each write is committed when its statement
 * returns and then moves the {@link ChangeCount}; stores made from a bare {@link Jdbi} (tools,
 * tests) work through a handle ({@link #through}). Failures surface as Jdbi's
 * ({@link StatementFailure}), their SQL cause kept, so callers see the same exceptions as from any
 * other statement. The SQL stays in the stores.
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

    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Works on pooled connections taken from {@code pool}, without a Jdbi handle; writes move {@code changes}. */
    static PlainQuery on(DataSource pool, ChangeCount changes) {
        return new PlainQuery() {
            @Override
            <T> T read(Work<T> work) {
                try (Connection connection = pool.getConnection()) {
                    return work.on(connection);
                } catch (SQLException e) {
                    throw StatementFailure.of(e);
                }
            }

            @Override
            <T> T write(Work<T> work) {
                try {
                    return read(work);
                } finally {
                    changes.committed();
                }
            }
        };
    }

    /** Works on the connection of a Jdbi handle (its closing moves the count). */
    static PlainQuery through(Jdbi jdbi) {
        return new PlainQuery() {
            @Override
            <T> T read(Work<T> work) {
                return jdbi.withHandle(h -> {
                    try {
                        return work.on(h.getConnection());
                    } catch (SQLException e) {
                        throw StatementFailure.of(e);
                    }
                });
            }

            @Override
            <T> T write(Work<T> work) {
                return read(work);
            }
        };
    }

    /** Runs {@code work}, which writes nothing. */
    abstract <T> T read(Work<T> work);

    /** Runs {@code work}, whose every statement is committed as it returns (auto-commit). */
    abstract <T> T write(Work<T> work);

    /** The first row of a query, if any. */
    <T> Optional<T> findOne(String sql, Binder binder, RowMapper<T> mapper) {
        return read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(mapper.map(rows)) : Optional.<T>empty();
                }
            }
        });
    }

    /** Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE}; returns how many rows it changed. */
    int update(String sql, Binder binder) {
        return write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs an {@code INSERT} of one row and returns the value the database generated for {@code keyColumn}. */
    long insertReturningKey(String sql, String keyColumn, Binder binder) {
        return write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {keyColumn})) {
                binder.bind(statement);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("The database returned no generated " + keyColumn);
                    }
                    return keys.getLong(1);
                }
            }
        });
    }
}

package dev.vodcert.store;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A failed plain-JDBC statement ({@link PlainQuery}) as the exception Jdbi throws for one, its
 * {@link SQLException} kept as the cause ({@link UniqueViolation}, {@code Failures} look there).
 * A class of its own so that the Jdbi exception classes load when a statement first fails, not when
 * {@link PlainQuery} loads (the verifier loads the class of whatever a method throws).
 */
final class StatementFailure {
    private StatementFailure() {
    }

    static RuntimeException of(SQLException cause) {
        return new UnableToExecuteStatementException(cause, null);
    }
}

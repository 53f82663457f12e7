package dev.vodcert.server;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Maps failures that are not {@link ApiException}s to what the caller sees: the database being out
 * of reach is {@code ServiceUnavailable} (503, try again); anything else is {@code InternalError}.
 * Out of reach means: no pooled connection in time, a connection exception (SQLState class 08), or
 * the server shutting down, starting up or full ({@link #UNAVAILABLE_STATES}).
 */
final class Failures {
    /** PostgreSQL: admin/crash shutdown, cannot connect now, too many connections, statement cancelled. */
    static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");

    private Failures() {
    }

    static ApiException translate(RuntimeException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return GatewayErrors.SERVICE_UNAVAILABLE.exception();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return GatewayErrors.SERVICE_UNAVAILABLE.exception();
            }
        }
        return GatewayErrors.INTERNAL_ERROR.exception();
    }
}

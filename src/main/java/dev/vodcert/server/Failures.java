package dev.vodcert.server;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Maps failures that are not {@link ApiException}s to what the caller sees: the database being out
 * of reach is {@code ServiceUnavailable} (503, try again); anything else is {@code InternalError}.
 */
final class Failures {
    private Failures() {
    }

    static ApiException translate(RuntimeException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return GatewayErrors.SERVICE_UNAVAILABLE.exception();
            }
        }
        return GatewayErrors.INTERNAL_ERROR.exception();
    }
}

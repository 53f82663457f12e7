package dev.vodcert.store;

/**
 * The database cannot be used, found at start: unreachable, credentials refused, an unknown JDBC
 * URL, or a schema this code does not know. The message is one line for an operator, names the
 * problem and the (password-masked) URL, and never holds a password.
 */
public final class DatabaseStartException extends RuntimeException {
    public DatabaseStartException(String message) {
        super(message, null, false, false);
    }
}

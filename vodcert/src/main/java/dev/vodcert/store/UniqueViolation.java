package dev.vodcert.store;

import java.sql.SQLException;

/** Recognises a unique-key violation (SQLState 23505 on both H2 and PostgreSQL) inside any exception. */
final class UniqueViolation {
    private UniqueViolation() {
    }

    static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

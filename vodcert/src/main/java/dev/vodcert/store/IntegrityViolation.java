package dev.vodcert.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises a constraint violation inside any exception, by SQLState: a unique key (23505 on H2
 * and PostgreSQL), or a foreign key (23503 on both; H2 says 23506 when the referenced row is missing).
 */
final class IntegrityViolation {
    private static final Set<String> FOREIGN_KEY = Set.of("23503", "23506");

    private IntegrityViolation() {
    }

    static boolean isForeignKey(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && FOREIGN_KEY.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

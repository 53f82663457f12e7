package dev.vodcert.store;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Refuses a database whose schema a newer vodcert has migrated: Flyway by default ignores applied
 * migrations it does not know ("future" ones) and would start on a schema it does not understand.
 * Reads the schema history only; when it refuses, nothing has been written.
 */
final class SchemaVersionGuard {
    private SchemaVersionGuard() {
    }

    static void requireKnown(Flyway flyway, String shownUrl) {
        MigrationInfoService info = flyway.info();
        MigrationVersion known = Arrays.stream(info.all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        MigrationInfo newest = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .filter(m -> m.getVersion() != null)
                .max((a, b) -> a.getVersion().compareTo(b.getVersion())).orElse(null);
        if (newest != null) {
            throw new DatabaseStartException("The database schema at " + shownUrl + " is at version "
                    + newest.getVersion() + ", newer than this vodcert knows (" + known + "): a newer vodcert "
                    + "migrated it. Refusing to start; the database was not changed. Run the newer vodcert.");
        }
    }
}

package dev.vodcert.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a database's schema is exactly this build's, read from Flyway's history table with plain
 * JDBC, so that a start on a current database needs no Flyway at all (loading it, resolving the
 * migrations and validating them cost about a second of CPU). Current means: the history holds
 * exactly the migrations of {@value #LIST}, in that order, each with the same script and checksum,
 * each successful, and nothing else. Anything else (no history, an older or newer schema, a failed
 * or edited migration) is not current, and the caller goes through Flyway as before.
 *
 * <p>{@value #LIST} is this build's migrations as Flyway resolves them from {@code db/migration};
 * {@code MigrationListTest} fails, printing the right content, when the two disagree.
 */
final class CurrentSchema {
    /** The class-path resource listing this build's migrations: {@code version script checksum} per line. */
    static final String LIST = "db/migrations.txt";
    private static final String HISTORY = "SELECT \"version\", \"script\", \"checksum\", \"success\", \"type\" "
            + "FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"";
    private static final String HISTORY_TABLE = "flyway_schema_history";
    /** Rows (without a version) Flyway writes when it created the schema or the history table: no migration. */
    private static final Set<String> MARKERS = Set.of("SCHEMA", "TABLE");

    /** One migration as Flyway records it. */
    record Migration(String version, String script, Integer checksum) {
        String line() {
            return version + " " + script + " " + checksum;
        }
    }

    private CurrentSchema() {
    }

    /** What the schema history says, compared with this build's migrations. */
    enum State {
        /** Exactly {@link #shipped()}: nothing to migrate. */
        CURRENT,
        /** No history table: an empty database (nothing a newer vodcert made), to be migrated. */
        NONE,
        /** Anything else: Flyway decides (migrates, or refuses a failed, edited or newer schema). */
        OTHER
    }

    /**
     * Reads the history of the database behind {@code connection}; writes nothing. The table is
     * looked up in the metadata first rather than queried blind: H2 would write the "table not
     * found" error of an empty database to a {@code .trace.db} file in the data folder.
     */
    static State of(Connection connection) {
        try {
            if (!historyTableExists(connection)) {
                return State.NONE;
            }
            return shipped().equals(applied(connection)) ? State.CURRENT : State.OTHER;
        } catch (SQLException e) {
            return State.OTHER;
        }
    }

    private static boolean historyTableExists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        String pattern = escape == null ? HISTORY_TABLE : HISTORY_TABLE.replace("_", escape + "_");
        try (ResultSet tables = meta.getTables(null, connection.getSchema(), pattern, null)) {
            while (tables.next()) {
                if (HISTORY_TABLE.equals(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** This build's migrations, from {@value #LIST}. */
    static List<Migration> shipped() {
        List<Migration> list = new ArrayList<>();
        try (InputStream in = CurrentSchema.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.strip().split(" ");
                    list.add(new Migration(f[0], f[1], Integer.valueOf(f[2])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /** The successful migrations of the history, in order; null when it holds anything else. */
    private static List<Migration> applied(Connection connection) throws SQLException {
        List<Migration> applied = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(HISTORY)) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (version == null && MARKERS.contains(rows.getString(5))) {
                    continue;
                }
                int checksum = rows.getInt(3);
                Integer maybe = rows.wasNull() ? null : checksum;
                if (version == null || !rows.getBoolean(4)) {
                    return null;
                }
                applied.add(new Migration(version, rows.getString(2), maybe));
            }
        }
        return applied;
    }
}

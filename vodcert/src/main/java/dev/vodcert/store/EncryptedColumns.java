package dev.vodcert.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * Every column that holds text encrypted under the master key. By convention such a column's name
 * ends in {@code _enc} ({@code access_key.secret_enc}, {@code certificate.private_key_enc}); the
 * columns are found in the database's own metadata, so a table a later migration adds is covered
 * as long as it follows the convention. Works the same on H2 and PostgreSQL.
 */
public final class EncryptedColumns {
    private static final String SUFFIX = "_enc";

    /** One encrypted column and the primary key of its table. */
    record Column(String table, String column, List<String> key) {
    }

    private EncryptedColumns() {
    }

    /** Rewrites every encrypted value with {@code change}, in one transaction; returns how many. */
    public static int rewrite(Jdbi jdbi, UnaryOperator<String> change) throws SQLException {
        return jdbi.<Integer, SQLException>inTransaction(h -> {
            Connection c = h.getConnection();
            int count = 0;
            for (Column column : find(c)) {
                count += rewrite(c, column, change);
            }
            return count;
        });
    }

    /**
     * Some encrypted value, to check a master key against; empty when nothing is stored yet. On a
     * pooled connection without a Jdbi handle: the start runs this before the API opens.
     */
    public static Optional<String> anyValue(Database database) {
        return database.plainQuery().read(EncryptedColumns::anyValue);
    }

    private static Optional<String> anyValue(Connection c) throws SQLException {
        for (Column column : find(c)) {
            try (PreparedStatement s = c.prepareStatement("SELECT " + quote(column.column()) + " FROM "
                    + quote(column.table()) + " WHERE " + quote(column.column()) + " IS NOT NULL");
                 ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(rs.getString(1));
                }
            }
        }
        return Optional.empty();
    }

    static List<Column> find(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                if (name.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
                    String table = rs.getString("TABLE_NAME");
                    columns.add(new Column(table, name, primaryKey(meta, schema, table)));
                }
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                key.add(rs.getString("COLUMN_NAME"));
            }
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("table " + table + " holds encrypted values but has no primary key");
        }
        return key;
    }

    private static int rewrite(Connection c, Column column, UnaryOperator<String> change) throws SQLException {
        String keys = String.join(", ", column.key().stream().map(EncryptedColumns::quote).toList());
        String where = String.join(" AND ", column.key().stream().map(k -> quote(k) + " = ?").toList());
        int count = 0;
        try (PreparedStatement read = c.prepareStatement("SELECT " + keys + ", " + quote(column.column()) + " FROM "
                + quote(column.table()) + " WHERE " + quote(column.column()) + " IS NOT NULL");
             PreparedStatement write = c.prepareStatement("UPDATE " + quote(column.table()) + " SET "
                     + quote(column.column()) + " = ? WHERE " + where);
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                write.setString(1, change.apply(rs.getString(column.key().size() + 1)));
                for (int i = 0; i < column.key().size(); i++) {
                    write.setObject(i + 2, rs.getObject(i + 1));
                }
                write.executeUpdate();
                count++;
            }
        }
        return count;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

package dev.vodcert.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The H2 row trigger behind {@link DomainMirror}: after every insert, update and delete of a
 * {@code vod_domain} row (keyed by {@code domain_name}) or a {@code certificate} row (keyed by
 * {@code id}), in the writing thread and before the commit, it tells every mirror registered for
 * this database file which keys changed. Where no mirror is registered (another process on the file, a
 * tool) it does nothing. H2 names this class in the file, so a tool opening it needs vodcert's jar.
 */
public final class MirrorTrigger implements Trigger {
    private boolean domains;
    private String table;
    private String schema;
    private int keyColumn = -1;
    private String path;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.schema = schemaName;
        this.table = tableName;
        this.domains = "VOD_DOMAIN".equals(tableName.toUpperCase(Locale.ROOT));
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (path == null) {
            path = databasePath(conn);
        }
        List<DomainMirror> mirrors = DomainMirror.at(path);
        if (mirrors.isEmpty()) {
            return;
        }
        if (keyColumn < 0) {
            keyColumn = position(conn, domains ? "DOMAIN_NAME" : "ID");
        }
        Object before = oldRow == null ? null : oldRow[keyColumn];
        Object after = newRow == null ? null : newRow[keyColumn];
        for (DomainMirror mirror : mirrors) {
            touch(mirror, before);
            if (!Objects.equals(before, after)) {
                touch(mirror, after);
            }
        }
    }

    private void touch(DomainMirror mirror, Object key) {
        if (key == null) {
            return;
        }
        if (domains) {
            mirror.domains.touched((String) key);
        } else {
            mirror.certificates.touched(((Number) key).longValue());
        }
    }

    private static String databasePath(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE_PATH()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The 0-based position of {@code column} in the rows H2 hands over. */
    private int position(Connection conn, String column) throws SQLException {
        try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, column)) {
            if (!rs.next()) {
                throw new SQLException("vodcert's mirror trigger finds no column " + column + " in " + table);
            }
            return rs.getInt("ORDINAL_POSITION") - 1;
        }
    }
}

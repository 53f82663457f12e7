package dev.vodcert.server;

import dev.vodcert.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every row of every table of a running test server's H2 database, in a stable order, to compare before and after. */
final class StoredData {
    private StoredData() {
    }

    static String dump(Path dataDir) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection db = DriverManager.getConnection(Database.h2Url(dataDir))) {
            List<String> tables = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM "
                    + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                out.append("== ").append(table).append('\n');
                try (Statement s = db.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            out.append(rs.getString(i)).append('|');
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}

package dev.vodcert.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One plain connection before the pool is built, so that a wrong URL, an unreachable server or
 * refused credentials end the start with a one-line {@link DatabaseStartException} that says which
 * (by SQLState), rather than a pool's stack trace. The probe itself reads and writes nothing; the
 * caller may read the schema history on it ({@link CurrentSchema}) before closing it.
 */
final class ConnectionProbe {
    private ConnectionProbe() {
    }

    /** @return the open connection, which the caller closes */
    static Connection open(String jdbcUrl, String user, String password, Properties driverProperties) {
        String shown = JdbcUrls.masked(jdbcUrl);
        Driver driver;
        try {
            driver = DriverManager.getDriver(jdbcUrl);
        } catch (SQLException e) {
            throw notUsable(shown);
        }
        Properties props = new Properties();
        props.putAll(driverProperties);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        Connection c;
        try {
            c = driver.connect(jdbcUrl, props);
        } catch (SQLException e) {
            throw new DatabaseStartException(describe(e, shown, user, password));
        }
        if (c == null) {
            throw notUsable(shown);
        }
        return c;
    }

    private static DatabaseStartException notUsable(String shown) {
        return new DatabaseStartException("The JDBC URL " + shown + " is not one vodcert can use: give "
                + "jdbc:postgresql://HOST:PORT/DATABASE, or leave it out for the embedded H2 database.");
    }

    static String describe(SQLException e, String shown, String user, String password) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return "The database at " + shown + " refused the user name or password (user "
                    + (user == null ? "(none)" : user) + "); check VODCERT_DB_USER and VODCERT_DB_PASSWORD.";
        }
        if (state.equals("3D000")) {
            return "The database named in " + shown + " does not exist; create it first (CREATE DATABASE).";
        }
        if (state.equals("90020")) {
            return "The database " + shown + " is in use by another process (is vodcert already running on "
                    + "this data folder?).";
        }
        String detail = firstLine(e.getMessage());
        if (password != null && !password.isEmpty()) {
            detail = detail.replace(password, "***");
        }
        String what = state.startsWith("08") ? "Cannot connect to the database at " : "The database at ";
        return what + shown + (state.startsWith("08") ? ": " : " refused the connection: ") + detail
                + " (SQLState " + (state.isEmpty() ? "unknown" : state) + ")";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}

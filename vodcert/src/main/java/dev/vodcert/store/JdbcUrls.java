package dev.vodcert.store;

import java.util.Locale;

/** What vodcert needs to know about a JDBC URL: which database it names, and how to show it safely. */
public final class JdbcUrls {
    private JdbcUrls() {
    }

    public static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /** The URL with any {@code password=} value replaced by {@code ***}, for messages and logs. */
    public static String masked(String jdbcUrl) {
        return jdbcUrl == null ? "(none)" : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}

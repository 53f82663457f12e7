package dev.vodcert.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The wire's time format, UTC {@code yyyy-MM-ddTHH:mm:ssZ}: parsing a request's {@code Timestamp}
 * or {@code x-acs-date} (fractions of a second accepted) and formatting every time the API returns.
 */
public final class Timestamps {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int PLAIN_LENGTH = "yyyy-MM-ddTHH:mm:ssZ".length();

    private Timestamps() {
    }

    public static Instant parse(String text) {
        if (text.length() > 40 || text.isEmpty() || !text.endsWith("Z")) {
            throw GatewayErrors.INVALID_TIMESTAMP_FORMAT.exception();
        }
        Instant plain = text.length() == PLAIN_LENGTH ? parsePlain(text) : null;
        if (plain != null) {
            return plain;
        }
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw GatewayErrors.INVALID_TIMESTAMP_FORMAT.exception(GatewayErrors.INVALID_TIMESTAMP_FORMAT.message()
                    + " Use UTC in the form yyyy-MM-ddTHH:mm:ssZ.");
        }
    }

    /**
     * The common form {@code yyyy-MM-ddTHH:mm:ssZ} read directly, several times faster than the
     * general ISO parser; null for anything else (a fraction, an impossible date), which the
     * general parser then accepts or refuses as before.
     */
    private static Instant parsePlain(String t) {
        if (t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code instant} in the wire format, written digit by digit for years 1 to 9999. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        if (date.getYear() < 1 || date.getYear() > 9999) {
            return WIRE.format(instant);
        }
        int time = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] out = "0000-00-00T00:00:00Z".toCharArray();
        put(out, 0, date.getYear(), 4);
        put(out, 5, date.getMonthValue(), 2);
        put(out, 8, date.getDayOfMonth(), 2);
        put(out, 11, time / 3600, 2);
        put(out, 14, time / 60 % 60, 2);
        put(out, 17, time % 60, 2);
        return new String(out);
    }

    /** Writes {@code value} as {@code digits} decimal digits from {@code at}. */
    private static void put(char[] out, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

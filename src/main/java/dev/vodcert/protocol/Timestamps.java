package dev.vodcert.protocol;

import java.time.Instant;
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

    private Timestamps() {
    }

    public static Instant parse(String text) {
        if (text.length() > 40 || text.isEmpty() || !text.endsWith("Z")) {
            throw GatewayErrors.INVALID_TIMESTAMP_FORMAT.exception();
        }
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw GatewayErrors.INVALID_TIMESTAMP_FORMAT.exception(GatewayErrors.INVALID_TIMESTAMP_FORMAT.message()
                    + " Use UTC in the form yyyy-MM-ddTHH:mm:ssZ.");
        }
    }

    public static String format(Instant instant) {
        return WIRE.format(instant);
    }
}

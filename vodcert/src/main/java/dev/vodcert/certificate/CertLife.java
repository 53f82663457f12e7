package dev.vodcert.certificate;

import java.time.Duration;
import java.time.Instant;

/**
 * A certificate's validity as the CertInfo field {@code CertLife} writes it: {@code 1 month},
 * {@code 3 months}, {@code 1 year}, {@code 2 years}.
 *
 * <p>Rounding: the length d = NotAfter - NotBefore is rounded to the nearest whole day. If d is
 * below {@value #YEAR_THRESHOLD_DAYS} days (a year less a week's tolerance), the text is months =
 * round(d / {@value #DAYS_PER_MONTH}), at least 1; otherwise it is years = round(d /
 * {@value #DAYS_PER_YEAR}). So Let's Encrypt's 90 days read {@code 3 months}, 397 days (the
 * CA/Browser maximum) {@code 1 year}, Pebble's 5 years {@code 5 years}. Edges: anything under a
 * month, down to zero or a negative length, reads {@code 1 month}; 351 to 357 days read
 * {@code 12 months}; 358 to 364 days already read {@code 1 year}. Halves round up.
 */
public final class CertLife {
    /** Lengths of at least this many days are written in years. */
    public static final long YEAR_THRESHOLD_DAYS = 365 - 7;
    /** The mean Gregorian month. */
    public static final double DAYS_PER_MONTH = 30.4375;
    /** The mean Julian year. */
    public static final double DAYS_PER_YEAR = 365.25;

    private static final long SECONDS_PER_DAY = 86_400;

    private CertLife() {
    }

    public static String of(Instant notBefore, Instant notAfter) {
        long seconds = Duration.between(notBefore, notAfter).toSeconds();
        long days = Math.floorDiv(seconds + SECONDS_PER_DAY / 2, SECONDS_PER_DAY);
        if (days < YEAR_THRESHOLD_DAYS) {
            long months = Math.max(1, Math.round(days / DAYS_PER_MONTH));
            return months + (months == 1 ? " month" : " months");
        }
        long years = Math.round(days / DAYS_PER_YEAR);
        return years + (years == 1 ? " year" : " years");
    }
}

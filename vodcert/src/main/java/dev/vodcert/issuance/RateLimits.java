package dev.vodcert.issuance;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CA's rate limits that the lifecycle keeps to: at most {@code ordersPerAccount} orders in any
 * {@code accountWindow}, and at most {@code newCertificatesPerDomain} new certificates (renewals
 * exempt) for one registered domain in any {@code domainWindow}. A limit of 0 is no limit.
 *
 * <p>{@link #LETS_ENCRYPT} is the default: 300 new orders per account per 3 hours, 50 new
 * certificates per registered domain per 7 days, renewals exempt from the latter, as published at
 * https://letsencrypt.org/docs/rate-limits/ (checked 2025). Let's Encrypt counts with token buckets
 * (refilling one order per 36 s and one certificate per 202 min); a sliding window of the same
 * size never allows more than such a bucket does, so keeping to the window keeps to the bucket.
 */
public record RateLimits(int ordersPerAccount, Duration accountWindow, int newCertificatesPerDomain,
                         Duration domainWindow) {
    public static final RateLimits LETS_ENCRYPT = new RateLimits(300, Duration.ofHours(3), 50, Duration.ofDays(7));
    public static final RateLimits NONE = new RateLimits(0, Duration.ofHours(3), 0, Duration.ofDays(7));

    private static final Pattern LIMIT = Pattern.compile("(\\d{1,9})/(\\d{1,6})([smhd])");

    public RateLimits {
        if (ordersPerAccount < 0 || newCertificatesPerDomain < 0) {
            throw new IllegalArgumentException("rate limits cannot be negative");
        }
        if (accountWindow.isNegative() || accountWindow.isZero() || domainWindow.isNegative() || domainWindow.isZero()) {
            throw new IllegalArgumentException("rate limit windows must be positive");
        }
    }

    /** A preset by name: {@code letsencrypt} or {@code none}. */
    public static RateLimits preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "letsencrypt" -> LETS_ENCRYPT;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("rate limits preset must be letsencrypt or none, not " + name);
        };
    }

    /** This with the account limit from text such as {@code 300/3h} (units s, m, h, d). */
    public RateLimits withOrders(String text) {
        Matcher m = parse(text, "--rate-limit-orders");
        return new RateLimits(Integer.parseInt(m.group(1)), duration(m), newCertificatesPerDomain, domainWindow);
    }

    /** This with the per-registered-domain limit from text such as {@code 50/7d}. */
    public RateLimits withDomain(String text) {
        Matcher m = parse(text, "--rate-limit-domain");
        return new RateLimits(ordersPerAccount, accountWindow, Integer.parseInt(m.group(1)), duration(m));
    }

    /** The longest window: orders older than this no longer count. */
    public Duration longestWindow() {
        return accountWindow.compareTo(domainWindow) >= 0 ? accountWindow : domainWindow;
    }

    private static Matcher parse(String text, String setting) {
        Matcher m = LIMIT.matcher(text == null ? "" : text.strip());
        if (!m.matches() || Long.parseLong(m.group(2)) == 0) {
            throw new IllegalArgumentException(setting + " must look like 300/3h (count/period, period in s, m, h "
                    + "or d), not " + text);
        }
        return m;
    }

    private static Duration duration(Matcher m) {
        long n = Long.parseLong(m.group(2));
        return switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}

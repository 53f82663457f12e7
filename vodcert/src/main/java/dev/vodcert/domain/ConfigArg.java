package dev.vodcert.domain;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One argument a domain configuration function takes: its {@code argName}, whether a rule must
 * carry it, and which values it accepts ({@code expected} says so in words, for the refusal).
 */
record ConfigArg(String name, boolean required, Predicate<String> accepts, String expected) {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]{1,253}(:[0-9]{1,5})?"
            + "|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    static ConfigArg onOff(String name, boolean required) {
        return oneOf(name, required, "on", "off");
    }

    static ConfigArg oneOf(String name, boolean required, String... values) {
        Set<String> allowed = Set.of(values);
        return new ConfigArg(name, required, allowed::contains, "one of " + String.join(", ", values));
    }

    /** A whole number from {@code min} to {@code max}, digits only. */
    static ConfigArg range(String name, boolean required, long min, long max) {
        return new ConfigArg(name, required, v -> inRange(v, min, max), "a whole number from " + min + " to " + max);
    }

    /** A host name or address, with an optional port: what an HTTP {@code Host} header may carry. */
    static ConfigArg host(String name, boolean required) {
        return new ConfigArg(name, required, v -> HOST.matcher(v).matches(),
                "a host name or IP address, optionally with :port");
    }

    /** Any text of 1 to {@code max} characters without control characters. */
    static ConfigArg text(String name, boolean required, int max) {
        return new ConfigArg(name, required, v -> v.length() <= max && v.chars().noneMatch(Character::isISOControl),
                "text of 1 to " + max + " characters");
    }

    private static boolean inRange(String value, long min, long max) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long n = Long.parseLong(value);
        return n >= min && n <= max;
    }
}

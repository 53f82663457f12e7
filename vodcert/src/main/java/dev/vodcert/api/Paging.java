package dev.vodcert.api;

import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.Sanitizer;

/**
 * {@code PageNumber} (from 1, default 1) and {@code PageSize} (1 to the action's largest page,
 * default {@value #DEFAULT_PAGE_SIZE}) of a list action. A value that is not a whole number in
 * range is {@code InvalidParameter} naming it, never clamped.
 */
record Paging(long pageNumber, int pageSize) {
    static final int DEFAULT_PAGE_SIZE = 20;

    static Paging of(ActionCall call, int maxPageSize) {
        long number = number(call.optional("PageNumber"), "PageNumber", 1, Integer.MAX_VALUE, 1);
        int size = (int) number(call.optional("PageSize"), "PageSize", 1, maxPageSize, DEFAULT_PAGE_SIZE);
        return new Paging(number, size);
    }

    private static long number(String raw, String name, long min, long max, long absent) {
        if (raw == null) {
            return absent;
        }
        boolean digits = raw.length() <= 10 && raw.chars().allMatch(c -> c >= '0' && c <= '9');
        long value = digits ? Long.parseLong(raw) : -1;
        if (value < min || value > max) {
            throw GatewayErrors.invalid(name, "\"" + Sanitizer.brief(raw) + "\" is not a whole number from " + min
                    + " to " + max + ".");
        }
        return value;
    }
}

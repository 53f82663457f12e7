package dev.vodcert.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of each string value that many rows repeat, so a million mirrored rows do not
 * hold a million copies of {@code "on"}. Bounded: past {@code limit} distinct values, a new value is
 * returned as it is.
 */
final class Canonical {
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final int limit;

    Canonical(int limit) {
        this.limit = limit;
    }

    String of(String value) {
        if (value == null) {
            return null;
        }
        String known = values.get(value);
        if (known != null) {
            return known;
        }
        if (values.size() >= limit) {
            return value;
        }
        String previous = values.putIfAbsent(value, value);
        return previous == null ? value : previous;
    }
}

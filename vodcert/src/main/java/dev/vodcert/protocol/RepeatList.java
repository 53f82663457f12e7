package dev.vodcert.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Repeated parameters (spec §2.1, point 6): {@code Name.N} or {@code Name.N.Field}, with N counted
 * from 1. A list is read whole and refused whole, with {@code InvalidParameter} naming the
 * parameter: an N that is not a plain decimal number from 1 to the list's maximum, a field the list
 * does not have, and a gap ({@code Name.1} and {@code Name.3} without {@code Name.2}), since a gap
 * almost always means the caller lost an entry.
 */
public final class RepeatList {
    private RepeatList() {
    }

    /** The values of {@code prefix.1, prefix.2, ...} in order; empty when none is given. */
    public static List<String> values(RequestParameters params, String prefix, int max) {
        List<Map<String, String>> items = read(params, prefix, null, max);
        List<String> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(item.get("")));
        return out;
    }

    /**
     * The entries of {@code prefix.N.Field} in order of N, each a map from field to value (a
     * field not given is absent from its map); empty when none is given.
     */
    public static List<Map<String, String>> entries(RequestParameters params, String prefix, Set<String> fields,
                                                    int max) {
        return read(params, prefix, fields, max);
    }

    private static List<Map<String, String>> read(RequestParameters params, String prefix, Set<String> fields,
                                                  int max) {
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        String start = prefix + ".";
        for (Map.Entry<String, String> p : params.all().entrySet()) {
            String name = p.getKey();
            if (!name.startsWith(start)) {
                continue;
            }
            String rest = name.substring(start.length());
            int dot = rest.indexOf('.');
            String index = dot < 0 ? rest : rest.substring(0, dot);
            String field = dot < 0 ? "" : rest.substring(dot + 1);
            int n = index(name, index, max);
            if (fields == null ? !field.isEmpty() : !fields.contains(field)) {
                throw GatewayErrors.invalid(Sanitizer.brief(name), fields == null
                        ? "Write it as " + prefix + ".N."
                        : "Write it as " + prefix + ".N." + String.join(" or " + prefix + ".N.", fields) + ".");
            }
            byIndex.computeIfAbsent(n, k -> new TreeMap<>()).put(field, p.getValue());
        }
        int expected = 1;
        for (int n : byIndex.keySet()) {
            if (n != expected) {
                throw GatewayErrors.invalid(prefix + "." + expected, prefix + "." + n + " is given but "
                        + prefix + "." + expected + " is not: number the list 1, 2, 3... without gaps.");
            }
            expected++;
        }
        return List.copyOf(byIndex.values());
    }

    private static int index(String name, String index, int max) {
        boolean plain = !index.isEmpty() && index.length() <= 4 && index.charAt(0) != '0'
                && index.chars().allMatch(c -> c >= '0' && c <= '9');
        int n = plain ? Integer.parseInt(index) : -1;
        if (n < 1 || n > max) {
            throw GatewayErrors.invalid(Sanitizer.brief(name), "N must be a number from 1 to " + max + ".");
        }
        return n;
    }
}

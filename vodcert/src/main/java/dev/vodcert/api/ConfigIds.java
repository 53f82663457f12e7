package dev.vodcert.api;

import dev.vodcert.protocol.Sanitizer;
import dev.vodcert.protocol.GatewayErrors;
import java.util.ArrayList;
import java.util.List;

/** Comma-separated lists of the domain configuration actions ({@code FunctionNames}, {@code ConfigId}). */
final class ConfigIds {
    /** The most entries one list carries. */
    static final int MAX_ENTRIES = 50;

    private ConfigIds() {
    }

    /** The entries of a comma-separated list, blanks around them ignored; an empty entry is refused. */
    static List<String> list(String raw, String parameter) {
        String[] parts = raw.split(",", -1);
        if (parts.length > MAX_ENTRIES) {
            throw GatewayErrors.invalid(parameter, "It has " + parts.length + " entries; at most " + MAX_ENTRIES
                    + " are allowed.");
        }
        List<String> entries = new ArrayList<>();
        for (String part : parts) {
            if (part.isBlank()) {
                throw GatewayErrors.invalid(parameter, "It has an empty entry.");
            }
            entries.add(part.strip());
        }
        return entries;
    }

    /** A ConfigId: digits only. */
    static long parse(String value, String parameter) {
        if (!value.matches("[0-9]{1,18}")) {
            throw GatewayErrors.invalid(parameter, "\"" + Sanitizer.brief(value) + "\" is not a ConfigId (a number).");
        }
        return Long.parseLong(value);
    }
}

package dev.vodcert.domain;

import dev.vodcert.protocol.GatewayErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code DomainNames} parameter of {@code BatchStartVodDomain} / {@code BatchStopVodDomain}:
 * 1 to {@value #MAX_NAMES} names separated by commas (blanks around a name are ignored); also the
 * {@code ResourceId.N} list of the tag actions. An empty
 * entry, more than {@value #MAX_NAMES} names, or a name given twice (in any spelling of the same
 * domain) is {@code InvalidParameter}. Each name comes back in its stored form; a name that cannot
 * be a domain stays as given, so that it is reported as not found like any other unknown name.
 */
public final class DomainNameList {
    public static final int MAX_NAMES = 50;
    private static final String PARAMETER = "DomainNames";

    private DomainNameList() {
    }

    /** The names in a comma-separated {@code DomainNames}. */
    public static List<String> parse(String raw) {
        return check(List.of(raw.split(",", -1)), PARAMETER);
    }

    /** The stored forms of 1 to {@value #MAX_NAMES} names given in {@code parameter}, refused as described above. */
    public static List<String> check(List<String> given, String parameter) {
        if (given.isEmpty()) {
            throw GatewayErrors.missing(parameter);
        }
        if (given.size() > MAX_NAMES) {
            throw GatewayErrors.invalid(parameter, "It names " + given.size() + " domains; at most " + MAX_NAMES
                    + " are allowed.");
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String part = given.get(i).strip();
            if (part.isEmpty()) {
                throw GatewayErrors.invalid(parameter, "Entry " + (i + 1)
                        + " is empty; give 1 to " + MAX_NAMES + " domain names.");
            }
            if (!names.add(storedForm(part))) {
                throw GatewayErrors.invalid(parameter, "The domain " + Echo.of(part) + " is named twice.");
            }
        }
        return new ArrayList<>(names);
    }

    private static String storedForm(String name) {
        try {
            return DomainService.lookupName(name);
        } catch (RuntimeException e) {
            return name;
        }
    }
}

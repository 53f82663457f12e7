package dev.vodcert.domain;

import java.util.Objects;

/**
 * The CNAME target a domain is given (spec section 10): {@code <domain>.<suffix>}, for example
 * {@code www.example.com.w.alikunlun.com}. A {@code *} cannot stand inside a target name, so a
 * wildcard's leading {@code *.} is written {@code wildcard.}: {@code *.example.com} gets
 * {@code wildcard.example.com.w.alikunlun.com}. The result is not checked against the
 * {@value DomainName#MAX_NAME_LENGTH}-character limit: a long domain with a long suffix can give a
 * target that DNS cannot hold.
 */
public final class CnameTarget {
    private static final String WILDCARD_LABEL = "wildcard.";

    private CnameTarget() {
    }

    /**
     * The target for {@code domain} under {@code suffix} (configuration such as
     * {@code w.alikunlun.com}, without leading or trailing dot).
     */
    public static String of(DomainName domain, String suffix) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(suffix, "suffix");
        if (suffix.isEmpty() || suffix.startsWith(".") || suffix.endsWith(".")) {
            throw new IllegalArgumentException("CNAME suffix must be a name without leading or trailing dot: " + suffix);
        }
        String name = domain.isWildcard() ? WILDCARD_LABEL + domain.ascii().substring(2) : domain.ascii();
        return name + "." + suffix;
    }
}

package dev.vodcert.issuance;

import dev.vodcert.domain.DomainName;
import java.util.Optional;
import java.util.Set;

/**
 * The name rules a public CA applies before it will issue, checked before anything else: a
 * wildcard domain gives {@code unsupport_wildcard} (free certificates are HTTP-01 validated, which
 * cannot prove a wildcard); an IP literal, a single-label name, or a name under a reserved
 * top-level domain gives {@code domain_invalid}. Reserved: {@link #RESERVED_TLDS} — the special-use
 * names of RFC 2606 ({@code test}, {@code example}, {@code invalid}, {@code localhost}), RFC 6762
 * ({@code local}), RFC 7686 ({@code onion}), RFC 9476 ({@code alt}), ICANN's {@code internal}, and
 * {@code arpa}. {@code AddVodDomain} already refuses IP literals and single labels; they are checked
 * again here so that no stored row can reach a CA with them.
 */
public final class IssuableName {
    static final Set<String> RESERVED_TLDS = Set.of("test", "example", "invalid", "localhost", "local", "onion",
            "alt", "internal", "arpa");

    /** Why a name cannot get a free certificate. */
    public record Refusal(FreeCertStatus status, String reason) {
    }

    private IssuableName() {
    }

    /** Empty when a public CA would consider the name; otherwise the status and reason. */
    public static Optional<Refusal> check(String asciiDomainName) {
        String name = asciiDomainName.toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("*.") || name.startsWith(".")) {
            return Optional.of(new Refusal(FreeCertStatus.UNSUPPORT_WILDCARD,
                    name + " is a wildcard domain; free certificates cover single names only"));
        }
        if (DomainName.looksLikeIpAddress(name)) {
            return Optional.of(new Refusal(FreeCertStatus.DOMAIN_INVALID, name + " is an IP address, not a domain name"));
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.of(new Refusal(FreeCertStatus.DOMAIN_INVALID, name + " is a single-label name"));
        }
        String tld = name.substring(dot + 1);
        if (RESERVED_TLDS.contains(tld)) {
            return Optional.of(new Refusal(FreeCertStatus.DOMAIN_INVALID,
                    name + " is under the reserved top-level domain ." + tld + ", for which public CAs do not issue"));
        }
        return Optional.empty();
    }
}

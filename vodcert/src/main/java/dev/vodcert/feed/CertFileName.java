package dev.vodcert.feed;

import dev.vodcert.domain.DomainName;
import java.util.Optional;

/**
 * The file a served domain's chain and key are written to: {@code <domain>.pem} for a name
 * ({@code www.example.com.pem}), {@code _wildcard.<parent>.pem} for a wildcard domain
 * ({@code *.example.com} gives {@code _wildcard.example.com.pem}): no shell or glob character in a
 * file name, and no clash with a real domain, whose labels never hold {@code _}. A name that is not
 * a canonical domain name is refused, so nothing from the feed can name a path outside the folder.
 */
public final class CertFileName {
    static final String SUFFIX = ".pem";
    private static final String WILDCARD_FILE_PREFIX = "_wildcard.";

    private CertFileName() {
    }

    /** The file name of {@code domain} (canonical ASCII, as the feed gives it). */
    public static String of(String domain) {
        String canonical;
        try {
            canonical = DomainName.asciiOf(domain);
        } catch (RuntimeException e) {
            canonical = null;
        }
        if (!domain.equals(canonical)) {
            throw new IllegalArgumentException("the feed names a domain that is not a canonical domain name: "
                    + domain.replaceAll("[^\\x21-\\x7e]", "?"));
        }
        return (domain.startsWith("*.") ? WILDCARD_FILE_PREFIX + domain.substring(2) : domain) + SUFFIX;
    }

    /** The domain whose file {@code fileName} is, when it is one this class names; else empty. */
    static Optional<String> domainOf(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        String domain = stem.startsWith(WILDCARD_FILE_PREFIX) ? "*." + stem.substring(WILDCARD_FILE_PREFIX.length()) : stem;
        try {
            return of(domain).equals(fileName) ? Optional.of(domain) : Optional.empty();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}

package dev.vodcert.domain;

import java.net.IDN;
import java.util.Objects;
import java.util.Set;

/**
 * An accelerated domain name, validated when built: {@code ascii} is the canonical form (lower case,
 * IDN labels as A-labels, a wildcard written {@code *.example.com}); {@code unicode} is the same name
 * with its A-labels shown as Unicode ({@link IDN#toUnicode}).
 *
 * <p>{@link #parse} accepts what a caller sends: any case, Unicode labels (IDNA 2003 ToASCII with
 * STD3 rules, so {@code bücher.example} becomes {@code xn--bcher-kva.example}), and both wildcard
 * spellings, {@code *.example.com} and VOD's {@code .example.com}. It refuses, with
 * {@code InvalidDomainName.Malformed} and a message naming the rule: empty input; whitespace,
 * control characters and {@code / \ : @ % _}; a trailing dot; an empty label; a label that is not
 * 1 to {@value #MAX_LABEL_LENGTH} letters, digits or hyphens, or that starts or ends with a
 * hyphen; a name longer than {@value #MAX_NAME_LENGTH} characters; fewer than two labels (a
 * wildcard needs two after {@code *.}); {@code *} anywhere but as the whole left-most label; and an
 * all-digit top-level label, which refuses IPv4 addresses. No input is trimmed.
 *
 * <p>The canonical constructor accepts only a canonical pair, so a {@code DomainName} read back
 * from storage is checked as strictly as one parsed from a request.
 */
public record DomainName(String ascii, String unicode) {

    /** The longest name, in ASCII characters, counting a wildcard's {@code *.} (RFC 1035 section 2.3.4, as text). */
    public static final int MAX_NAME_LENGTH = 253;
    /** The longest label, in ASCII characters (RFC 1035 section 2.3.4). */
    public static final int MAX_LABEL_LENGTH = 63;

    /**
     * Two-level public suffixes under which the root domain takes three labels. A deliberately
     * small, built-in list rather than the Public Suffix List: enough for the common Chinese,
     * British, Hong Kong, Taiwanese, Japanese, Australian and Brazilian commercial names.
     */
    static final Set<String> TWO_LEVEL_SUFFIXES = Set.of(
            "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "co.uk", "org.uk",
            "com.hk", "com.tw", "co.jp", "com.au", "com.br");

    private static final String WILDCARD_PREFIX = "*.";

    public DomainName {
        Objects.requireNonNull(ascii, "ascii");
        Objects.requireNonNull(unicode, "unicode");
        if (!DomainNameRules.canonical(ascii).equals(ascii) || !unicodeOf(ascii).equals(unicode)) {
            throw DomainNameRules.refuse(ascii, "it is not in canonical form (build it with DomainName.parse)");
        }
    }

    /** The domain name written in {@code raw}; see the type description for the rules. */
    public static DomainName parse(String raw) {
        String ascii = DomainNameRules.canonical(raw);
        return new DomainName(ascii, unicodeOf(ascii));
    }

    /** The canonical ASCII form of the name written in {@code raw} ({@link #parse} without the Unicode form). */
    public static String asciiOf(String raw) {
        return DomainNameRules.canonical(raw);
    }

    /** Whether {@code text} is a literal IPv4 or IPv6 address (strictly parsed, never resolved). */
    public static boolean looksLikeIpAddress(String text) {
        return IpLiteral.parse(text).isPresent();
    }

    /** Whether this is a wildcard name ({@code *.example.com}). */
    public boolean isWildcard() {
        return ascii.startsWith(WILDCARD_PREFIX);
    }

    /**
     * The registrable-ish root, in ASCII: the last two labels ({@code a.b.example.com} gives
     * {@code example.com}), or the last three when the last two are one of
     * {@link #TWO_LEVEL_SUFFIXES} ({@code www.example.com.cn} gives {@code example.com.cn}). A
     * wildcard's {@code *} never counts; a name no longer than the root is its own root (without
     * the {@code *.}).
     */
    public String rootDomain() {
        String name = isWildcard() ? ascii.substring(WILDCARD_PREFIX.length()) : ascii;
        String[] labels = name.split("\\.");
        int n = labels.length;
        String lastTwo = labels[n - 2] + "." + labels[n - 1];
        if (TWO_LEVEL_SUFFIXES.contains(lastTwo) && n >= 3) {
            return labels[n - 3] + "." + lastTwo;
        }
        return lastTwo;
    }

    /** The ASCII form. */
    @Override
    public String toString() {
        return ascii;
    }

    private static String unicodeOf(String ascii) {
        if (ascii.startsWith(WILDCARD_PREFIX)) {
            return WILDCARD_PREFIX + IDN.toUnicode(ascii.substring(WILDCARD_PREFIX.length()));
        }
        return IDN.toUnicode(ascii);
    }
}

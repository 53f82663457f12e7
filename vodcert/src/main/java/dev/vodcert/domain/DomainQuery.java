package dev.vodcert.domain;

import dev.vodcert.protocol.GatewayErrors;
import java.net.IDN;
import java.util.List;
import java.util.Locale;

/**
 * What {@code DescribeVodUserDomains} asks for: the account's domains whose name matches
 * {@code text} the {@code searchType} way (null text matches every name), in {@code status} (null:
 * any), carrying every tag of {@code tags}. {@link #nameFilter} brings a caller's filter text into
 * the stored form: lower case, Unicode labels as A-labels, VOD's {@code .example.com} wildcard
 * spelling as {@code *.example.com} for a full match; only letters, digits, {@code . - *} remain,
 * so the text never carries a pattern character of its own.
 */
public record DomainQuery(long accountId, String text, DomainSearchType searchType, DomainStatus status,
                          List<DomainTag> tags) {

    public DomainQuery {
        tags = List.copyOf(tags);
    }

    /** The stored form of a {@code DomainName} filter; see the type description. */
    public static String nameFilter(String raw, DomainSearchType type) {
        if (raw == null) {
            return null;
        }
        String text = raw.toLowerCase(Locale.ROOT);
        if (!text.chars().allMatch(c -> c < 0x80)) {
            try {
                text = IDN.toASCII(text, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw refuse(raw, "it is not a valid internationalized name");
            }
        }
        if (text.length() > DomainName.MAX_NAME_LENGTH) {
            throw refuse(raw, "it is longer than " + DomainName.MAX_NAME_LENGTH + " characters");
        }
        if (!text.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                || c == '*')) {
            throw refuse(raw, "a domain name has only letters, digits, '.', '-' and a leading '*'");
        }
        if (type == DomainSearchType.FULL_MATCH && text.startsWith(".")) {
            text = "*" + text;
        }
        return text;
    }

    private static RuntimeException refuse(String raw, String why) {
        return GatewayErrors.invalid("DomainName", "\"" + Echo.of(raw) + "\" cannot match a domain: " + why + ".");
    }
}

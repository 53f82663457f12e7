package dev.vodcert.api;

import dev.vodcert.domain.DomainTag;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.RepeatList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code Tag.N.Key} / {@code Tag.N.Value} list, N = 1 to {@value DomainTag#MAX_PER_DOMAIN}
 * without gaps (see {@link RepeatList}). Every entry needs a {@code Key} of 1 to
 * {@value DomainTag#MAX_KEY_LENGTH} characters, keys are distinct, and no key or value holds a
 * control character or is longer than its limit. As a filter an absent or empty {@code Value}
 * matches any value; to set, it means the empty value, and keys starting with {@code aliyun} or
 * {@code acs:} are reserved, as on Alibaba Cloud.
 */
final class TagList {
    private static final Set<String> FIELDS = Set.of("Key", "Value");

    private TagList() {
    }

    /** The tags a {@code DescribeVodUserDomains} result must carry; empty when none is given. */
    static List<DomainTag> filter(ActionCall call) {
        return read(call, false);
    }

    /** The tags to set; at least one. */
    static List<DomainTag> toSet(ActionCall call) {
        List<DomainTag> tags = read(call, true);
        if (tags.isEmpty()) {
            throw GatewayErrors.missing("Tag.1.Key");
        }
        return tags;
    }

    private static List<DomainTag> read(ActionCall call, boolean setting) {
        List<Map<String, String>> entries = RepeatList.entries(call.params(), "Tag", FIELDS, DomainTag.MAX_PER_DOMAIN);
        List<DomainTag> tags = new ArrayList<>(entries.size());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "Tag." + (i + 1);
            String key = entries.get(i).get("Key");
            String value = entries.get(i).get("Value");
            if (key == null || key.isEmpty()) {
                throw GatewayErrors.missing(where + ".Key");
            }
            check(where + ".Key", key, DomainTag.MAX_KEY_LENGTH);
            if (setting && (key.toLowerCase(Locale.ROOT).startsWith("aliyun") || key.startsWith("acs:"))) {
                throw GatewayErrors.invalid(where + ".Key", "Keys starting with aliyun or acs: are reserved.");
            }
            if (!keys.add(key)) {
                throw GatewayErrors.invalid(where + ".Key", "The key is given twice.");
            }
            if (value != null) {
                check(where + ".Value", value, DomainTag.MAX_VALUE_LENGTH);
            }
            tags.add(new DomainTag(key, setting ? (value == null ? "" : value)
                    : (value == null || value.isEmpty() ? null : value)));
        }
        return tags;
    }

    private static void check(String name, String text, int max) {
        if (text.length() > max) {
            throw GatewayErrors.invalid(name, "It is longer than " + max + " characters.");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw GatewayErrors.invalid(name, "It contains a control character.");
        }
    }
}

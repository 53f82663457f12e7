package dev.vodcert.domain;

import dev.vodcert.protocol.GatewayErrors;

/**
 * How {@code DescribeVodUserDomains} matches its {@code DomainName} filter against the stored names:
 * anywhere in the name ({@code fuzzy_match}, the default), at the start, at the end, or the whole
 * name. Anything else is {@code InvalidParameter}, never a silent default.
 */
public enum DomainSearchType {
    FUZZY_MATCH("fuzzy_match"),
    PRE_MATCH("pre_match"),
    SUF_MATCH("suf_match"),
    FULL_MATCH("full_match");

    private final String wire;

    DomainSearchType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The type named by {@code raw}; null (not given) is {@link #FUZZY_MATCH}. */
    public static DomainSearchType parse(String raw) {
        if (raw == null) {
            return FUZZY_MATCH;
        }
        for (DomainSearchType t : values()) {
            if (t.wire.equals(raw)) {
                return t;
            }
        }
        throw GatewayErrors.invalid("DomainSearchType", "\"" + Echo.of(raw)
                + "\" is not one of fuzzy_match, pre_match, suf_match, full_match.");
    }
}

package dev.vodcert.ownership;

import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.Sanitizer;

/** The {@code VerifyType} of {@code VerifyVodDomainOwner}: where to look for the verification content. */
public enum VerifyType {
    /** A TXT record at {@code verification.<root domain>}. */
    DNS_CHECK("dnsCheck"),
    /** The file {@code http://<domain>/verification.html}. */
    FILE_CHECK("fileCheck");

    private final String wire;

    VerifyType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The type named exactly by {@code raw}; anything else is {@code InvalidParameter}. */
    public static VerifyType parse(String raw) {
        for (VerifyType t : values()) {
            if (t.wire.equals(raw)) {
                return t;
            }
        }
        throw GatewayErrors.invalid("VerifyType", "\"" + Sanitizer.brief(raw) + "\" is not dnsCheck or fileCheck.");
    }
}

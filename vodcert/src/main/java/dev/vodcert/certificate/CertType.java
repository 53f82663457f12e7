package dev.vodcert.certificate;

import dev.vodcert.protocol.GatewayErrors;

/**
 * Where a domain's certificate comes from (DESIGN §4), with its wire value: {@code upload} (PEM
 * given with the request), {@code cas} (a certificate of the account's certificate store, by id),
 * {@code free} (issued by the system). An unknown value is refused, never defaulted.
 */
public enum CertType {
    UPLOAD("upload"),
    CAS("cas"),
    FREE("free");

    private final String wire;

    CertType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The type a request names, exactly as written; anything else is {@code InvalidParameter}. */
    public static CertType parse(String raw) {
        for (CertType type : values()) {
            if (type.wire.equals(raw)) {
                return type;
            }
        }
        throw GatewayErrors.invalid("CertType", "Use upload, cas or free.");
    }
}

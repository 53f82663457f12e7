package dev.vodcert.api.cas;

import dev.vodcert.protocol.GatewayErrors;

/**
 * The {@code CertId} parameter of both products: the id of a certificate in the caller's
 * certificate store, a positive whole number (a Long on the wire). Anything else, a negative
 * number or zero included, is {@code InvalidParameter}.
 */
public final class CertIdParameter {
    private static final int MAX_DIGITS = 18;

    private CertIdParameter() {
    }

    public static long parse(String raw) {
        if (raw.isEmpty() || raw.length() > MAX_DIGITS || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw GatewayErrors.invalid("CertId", "It must be a positive whole number such as 12342707.");
        }
        long id = Long.parseLong(raw);
        if (id == 0) {
            throw GatewayErrors.invalid("CertId", "It must be a positive whole number such as 12342707.");
        }
        return id;
    }
}

package dev.vodcert.api;

import dev.vodcert.protocol.GatewayErrors;

/** The {@code CertName} parameter: up to {@value #MAX_LENGTH} printable characters; absent means generated. */
final class CertName {
    static final int MAX_LENGTH = 128;

    private CertName() {
    }

    static String parse(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_LENGTH) {
            throw GatewayErrors.invalid("CertName", "It is longer than " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isISOControl(raw.charAt(i))) {
                throw GatewayErrors.invalid("CertName", "It contains a control character.");
            }
        }
        return raw;
    }
}

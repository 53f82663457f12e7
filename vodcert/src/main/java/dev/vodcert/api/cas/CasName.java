package dev.vodcert.api.cas;

import dev.vodcert.protocol.GatewayErrors;

/**
 * The {@code Name} of a stored certificate: 1 to {@value #MAX_LENGTH} characters, no control
 * characters, unique within the account. The service documents letters, digits and underscores
 * but shows {@code cert-1} as its example; vodcert accepts any printable text (README).
 */
final class CasName {
    static final int MAX_LENGTH = 63;

    private CasName() {
    }

    static String parse(String raw) {
        if (raw.length() > MAX_LENGTH) {
            throw GatewayErrors.invalid("Name", "It is longer than " + MAX_LENGTH + " characters.");
        }
        if (raw.isBlank() || raw.chars().anyMatch(Character::isISOControl)) {
            throw GatewayErrors.invalid("Name", "It must be printable text, not blank.");
        }
        return raw;
    }
}

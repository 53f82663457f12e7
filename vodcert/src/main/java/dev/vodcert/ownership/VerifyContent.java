package dev.vodcert.ownership;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The verification content: {@code verify_} and 32 lower-case hex digits from a strong random source. */
final class VerifyContent {
    static final String PREFIX = "verify_";
    private static final int RANDOM_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerifyContent() {
    }

    static String fresh() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }
}

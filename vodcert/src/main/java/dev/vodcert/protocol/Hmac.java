package dev.vodcert.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The keyed hashes and digests both signature algorithms use, and their constant-time comparison. */
final class Hmac {
    private static final HexFormat HEX = HexFormat.of();
    /** One {@link Mac} per thread and algorithm: looking one up costs more than the hash of a request. */
    private static final ThreadLocal<Mac> SHA1 = ThreadLocal.withInitial(() -> newMac("HmacSHA1"));
    private static final ThreadLocal<Mac> SHA256 = ThreadLocal.withInitial(() -> newMac("HmacSHA256"));

    private Hmac() {
    }

    static byte[] hmac(String algorithm, String key, String data) {
        Mac mac = switch (algorithm) {
            case "HmacSHA1" -> SHA1.get();
            case "HmacSHA256" -> SHA256.get();
            default -> newMac(algorithm);
        };
        try {
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK refuses an " + algorithm + " key", e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }

    static String hex(byte[] data) {
        return HEX.formatHex(data);
    }

    /** Constant-time equality of two strings' UTF-8 bytes. */
    static boolean sameText(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

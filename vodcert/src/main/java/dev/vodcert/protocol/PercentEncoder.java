package dev.vodcert.protocol;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding over UTF-8 as both signature algorithms use it: {@code A-Z a-z 0-9 - _ . ~}
 * stay literal, every other byte becomes {@code %XY} with upper-case hex (space is {@code %20}).
 */
public final class PercentEncoder {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoder() {
    }

    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        encodeTo(value, out);
        return out.toString();
    }

    public static void encodeTo(String value, StringBuilder out) {
        escape(value, out, "%");
    }

    /**
     * Appends {@code encode(encode(value))}: an unreserved character as it is, every other UTF-8 byte
     * as {@code %25XY} (the first encoding's {@code %} encoded again, its hex digits unreserved).
     */
    public static void encodeTwiceTo(String value, StringBuilder out) {
        escape(value, out, "%25");
    }

    /** Whether every character of {@code value} is unreserved, so that it encodes to itself. */
    public static boolean isUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code value}, every UTF-8 byte but an unreserved character written as {@code prefix} and two hex digits. */
    private static void escape(String value, StringBuilder out, String prefix) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (c < 0x80) {
                appendHex(out.append(prefix), c);
            } else {
                for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
                    int u = b & 0xFF;
                    if (u < 0x80 && isUnreserved((char) u)) {
                        out.append((char) u);
                    } else {
                        appendHex(out.append(prefix), u);
                    }
                }
                return;
            }
        }
    }

    private static void appendHex(StringBuilder out, int b) {
        out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}

package dev.vodcert.domain;

import java.util.Optional;

/**
 * A literal IPv4 or IPv6 address, parsed strictly by hand: no DNS lookup, no zone index
 * ({@code %eth0}), no brackets, no octal or hexadecimal IPv4 parts, no leading zeros in an IPv4 part.
 * {@link #canonical()} gives one spelling per address: dotted decimal for IPv4, RFC 5952 for IPv6
 * (lower case, longest zero run compressed, IPv4-mapped tail in dotted form).
 */
final class IpLiteral {
    private static final int MAX_TEXT = 45;
    private final byte[] bytes;

    private IpLiteral(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address written in {@code text}, or empty when {@code text} is not exactly one literal address. */
    static Optional<IpLiteral> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        int[] v4 = ipv4(text);
        if (v4 != null) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) v4[i];
            }
            return Optional.of(new IpLiteral(b));
        }
        int[] v6 = text.indexOf(':') >= 0 ? ipv6(text) : null;
        if (v6 == null) {
            return Optional.empty();
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (v6[i] >>> 8);
            b[2 * i + 1] = (byte) v6[i];
        }
        return Optional.of(new IpLiteral(b));
    }

    boolean isIpv6() {
        return bytes.length == 16;
    }

    /** The one spelling of this address. */
    String canonical() {
        if (!isIpv6()) {
            return dotted(bytes, 0);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + dotted(bytes, 12);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    private static String dotted(byte[] b, int from) {
        return (b[from] & 0xff) + "." + (b[from + 1] & 0xff) + "." + (b[from + 2] & 0xff) + "." + (b[from + 3] & 0xff);
    }

    /** Four decimal parts 0..255, no leading zeros; null otherwise. */
    private static int[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !allDigits(p)) {
                return null;
            }
            out[i] = Integer.parseInt(p);
            if (out[i] > 255) {
                return null;
            }
        }
        return out;
    }

    /** Eight 16-bit groups (RFC 4291 section 2.2 text forms); null otherwise. */
    private static int[] ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap >= 0 ? s.substring(0, gap) : s, gap < 0);
        int[] tail = gap >= 0 ? groups(s.substring(gap + 2), true) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int given = head.length + tail.length;
        if (gap < 0 ? given != 8 : given > 7) {
            return null;
        }
        int[] out = new int[8];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, 8 - tail.length, tail.length);
        return out;
    }

    /** Colon-separated hex groups, the last optionally a dotted IPv4 address (two groups). */
    private static int[] groups(String s, boolean v4TailAllowed) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 8) {
            return null;
        }
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && v4TailAllowed && p.indexOf('.') >= 0) {
                int[] v4 = ipv4(p);
                if (v4 == null) {
                    return null;
                }
                out[n++] = (v4[0] << 8) | v4[1];
                out[n++] = (v4[2] << 8) | v4[3];
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || !allHex(p)) {
                return null;
            }
            out[n++] = Integer.parseInt(p, 16);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}

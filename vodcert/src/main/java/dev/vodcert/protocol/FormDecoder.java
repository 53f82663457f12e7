package dev.vodcert.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (a query string or a form body) into
 * name/value pairs in wire order: {@code +} is a space, {@code %XY} a byte, the bytes strict UTF-8.
 * A broken escape or a byte sequence that is not UTF-8 is an {@code InvalidParameter}.
 */
public final class FormDecoder {
    private FormDecoder() {
    }

    /** One decoded pair; {@code value} is empty (never null) for {@code name} or {@code name=}. */
    public record Pair(String name, String value) {
    }

    public static List<Pair> decode(String encoded) {
        List<Pair> pairs = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        int start = 0;
        int n = encoded.length();
        while (start <= n) {
            int amp = encoded.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = encoded.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = decodeComponent(encoded, start, end);
                    value = "";
                } else {
                    name = decodeComponent(encoded, start, eq);
                    value = decodeComponent(encoded, eq + 1, end);
                }
                if (name.isEmpty()) {
                    throw GatewayErrors.INVALID_PARAMETER.exception("A parameter has an empty name.");
                }
                pairs.add(new Pair(name, value));
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return pairs;
    }

    static String decodeComponent(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+' || c >= 0x80) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * 4);
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= to) {
                    throw badEscape();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw badEscape();
                }
                bytes.put((byte) ((hi << 4) | lo));
                ascii &= hi < 8;
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                ascii = false;
                int cp = s.codePointAt(i);
                bytes.put(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        bytes.flip();
        return ascii ? new String(bytes.array(), 0, bytes.limit(), StandardCharsets.ISO_8859_1) : strictUtf8(bytes);
    }

    private static String strictUtf8(ByteBuffer bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw GatewayErrors.INVALID_PARAMETER.exception("A parameter is not valid UTF-8 after percent-decoding.");
        }
    }

    private static ApiException badEscape() {
        return GatewayErrors.INVALID_PARAMETER.exception("A parameter has a malformed percent-escape.");
    }
}

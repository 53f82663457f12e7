package dev.vodcert.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a fuzzer's raw bytes as a control byte followed by fields separated by {@code 0xFF}, a
 * byte that UTF-8 text never contains, so that seed files can be written by hand (printf) and the
 * fuzzer mutates text fields one at a time. A missing field reads as empty; text fields are decoded
 * leniently (malformed UTF-8 becomes U+FFFD), byte fields are kept as they are; binary fields that
 * may hold {@code 0xFF} are length-prefixed instead ({@link #sized()}).
 */
public final class FuzzInput {
    public static final int SEPARATOR = 0xFF;

    private final byte[] data;
    private final int control;
    private int position;

    private FuzzInput(byte[] data) {
        this.data = data;
        this.control = data.length == 0 ? 0 : data[0] & 0xFF;
        this.position = data.length == 0 ? 0 : 1;
    }

    public static FuzzInput of(byte[] data) {
        return new FuzzInput(data);
    }

    /** The first byte, for choices such as "sign the request correctly". */
    public int control() {
        return control;
    }

    /** Whether bit {@code bit} (0-7) of the control byte is set. */
    public boolean flag(int bit) {
        return (control & (1 << bit)) != 0;
    }

    public boolean hasMore() {
        return position < data.length;
    }

    public byte[] bytes() {
        int end = position;
        while (end < data.length && (data[end] & 0xFF) != SEPARATOR) {
            end++;
        }
        byte[] field = Arrays.copyOfRange(data, Math.min(position, data.length), end);
        position = Math.min(end + 1, data.length + 1);
        return field;
    }

    /**
     * A binary field (DER, say, which may hold {@code 0xFF}): a two-byte big-endian length, then that
     * many bytes (fewer when the input ends first); no separator follows it.
     */
    public byte[] sized() {
        int length = 0;
        for (int i = 0; i < 2 && position < data.length; i++) {
            length = (length << 8) | (data[position++] & 0xFF);
        }
        int end = Math.min(data.length, position + length);
        byte[] field = Arrays.copyOfRange(data, Math.min(position, data.length), end);
        position = end;
        return field;
    }

    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** A text field, or {@code fallback} when the field is empty. */
    public String textOr(String fallback) {
        String text = text();
        return text.isEmpty() ? fallback : text;
    }
}

package dev.vodcert.domain;

/**
 * How caller input is quoted back inside an error message: control, format and separator
 * characters are dropped and the text is cut to {@value #MAX_CODE_POINTS} code points (an ellipsis
 * marks the cut), so a message never carries line breaks, bidi tricks or a megabyte of input.
 */
final class Echo {
    /** The longest echo, in code points, before the ellipsis. */
    static final int MAX_CODE_POINTS = 64;

    private Echo() {
    }

    /** The input made safe to quote; {@code null} becomes the empty string. */
    static String of(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_CODE_POINTS + 3));
        int kept = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (!printable(cp)) {
                continue;
            }
            if (kept == MAX_CODE_POINTS) {
                return out.append("...").toString();
            }
            out.appendCodePoint(cp);
            kept++;
        }
        return out.toString();
    }

    private static boolean printable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.SURROGATE, Character.UNASSIGNED:
                return false;
            default:
                return true;
        }
    }
}

package dev.vodcert.protocol;

/**
 * Makes caller input safe to echo in a message: at most {@value #MAX_ECHO} characters, control
 * characters replaced. Messages may name what was wrong; they never carry a whole input.
 */
public final class Sanitizer {
    public static final int MAX_ECHO = 64;

    private Sanitizer() {
    }

    public static String brief(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_ECHO) + 3);
        int n = Math.min(input.length(), MAX_ECHO);
        for (int i = 0; i < n; i++) {
            char c = input.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        if (input.length() > MAX_ECHO) {
            out.append("...");
        }
        return out.toString();
    }
}

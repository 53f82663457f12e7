package dev.vodcert.domain;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.ApiException;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules an accelerated domain name must meet, turning raw input into its canonical ASCII form
 * (lower case, A-labels, wildcard written {@code *.}). Each refusal is
 * {@code InvalidDomainName.Malformed} with a sentence naming the rule. The order of checks is
 * fixed so that one input always earns the same sentence.
 */
final class DomainNameRules {
    private static final int MAX_NAME = DomainName.MAX_NAME_LENGTH;
    private static final int MAX_LABEL = DomainName.MAX_LABEL_LENGTH;
    /** Raw input longer than this is refused before any IDN work. */
    static final int MAX_RAW = 1024;
    private static final String FORBIDDEN = "/\\:@%_";

    private DomainNameRules() {
    }

    /** The canonical ASCII form of {@code raw}, or an {@link ApiException} naming the broken rule. */
    static String canonical(String raw) {
        try {
            return ascii(raw);
        } catch (BrokenRule e) {
            throw refuse(raw, e.getMessage());
        }
    }

    /** The canonical ASCII form of {@code raw}, or a {@link BrokenRule} whose message is the rule. */
    static String ascii(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new BrokenRule("it is empty");
        }
        if (raw.length() > MAX_RAW) {
            throw new BrokenRule("it is longer than " + MAX_NAME + " characters");
        }
        return isCanonicalLdh(raw) ? raw : labelByLabel(raw);
    }

    /** {@link #ascii} the long way, for any input within {@link #MAX_RAW}. */
    static String labelByLabel(String raw) {
        checkCharacters(raw);
        String name = raw.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
        boolean wildcard = false;
        if (name.startsWith("*.")) {
            wildcard = true;
            name = name.substring(2);
        } else if (name.startsWith(".")) {
            wildcard = true;
            name = name.substring(1);
        }
        if (name.indexOf('*') >= 0) {
            throw new BrokenRule("'*' is allowed only as the whole left-most label of a wildcard name (*.example.com)");
        }
        if (name.endsWith(".") && !name.isEmpty() && !name.endsWith("..")) {
            throw new BrokenRule("it ends with a dot; give the name without the trailing dot");
        }
        String[] labels = name.split("\\.", -1);
        List<String> ascii = new ArrayList<>(labels.length);
        for (String label : labels) {
            ascii.add(label(label));
        }
        String joined = String.join(".", ascii);
        if (joined.length() + (wildcard ? 2 : 0) > MAX_NAME) {
            throw new BrokenRule("it is longer than " + MAX_NAME + " characters");
        }
        if (ascii.size() < 2) {
            throw new BrokenRule(wildcard
                    ? "a wildcard needs at least two labels after '*.' (*.example.com, not *.com)"
                    : "it needs at least two labels (example.com, not example)");
        }
        if (allDigits(ascii.get(ascii.size() - 1))) {
            throw new BrokenRule("the top-level label is all digits (IP addresses are not domain names)");
        }
        return wildcard ? "*." + joined : joined;
    }

    /**
     * Whether {@code raw} is already what {@link #ascii} would make of it, and passes every rule, by
     * one look at each character: lower-case letters, digits, '-' and dots only; at least two labels
     * of 1 to {@value #MAX_LABEL} characters, none starting or ending with '-' or starting with
     * {@code xn--}; the last not all digits; at most {@value #MAX_NAME} characters. Such names (what
     * clients send nearly always) skip the label-by-label work; every other name takes it.
     */
    static boolean isCanonicalLdh(String raw) {
        int n = raw.length();
        if (n > MAX_NAME) {
            return false;
        }
        int labels = 0;
        int start = 0;
        boolean digitsOnly = true;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? raw.charAt(i) : '.';
            if (c == '.') {
                int length = i - start;
                if (length == 0 || length > MAX_LABEL || raw.charAt(start) == '-' || raw.charAt(i - 1) == '-'
                        || raw.startsWith("xn--", start)) {
                    return false;
                }
                if (i == n && digitsOnly) {
                    return false;
                }
                labels++;
                start = i + 1;
                digitsOnly = true;
            } else if ((c >= 'a' && c <= 'z') || c == '-') {
                digitsOnly = false;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return labels >= 2;
    }

    /** A rule that the input breaks; the message is the rule, in words, for a caller to phrase. */
    static final class BrokenRule extends RuntimeException {
        BrokenRule(String rule) {
            super(rule, null, false, false);
        }
    }

    static ApiException refuse(String raw, String rule) {
        return VodErrors.INVALID_DOMAIN_NAME_MALFORMED.exception(
                "Specified DomainName \"" + Echo.of(raw) + "\" is malformed: " + rule + ".");
    }

    private static void checkCharacters(String raw) {
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                throw new BrokenRule("it contains a control character");
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                throw new BrokenRule("it contains whitespace");
            }
            if (FORBIDDEN.indexOf(cp) >= 0) {
                throw new BrokenRule("it contains the character '" + (char) cp + "' (not allowed: / \\ : @ % _)");
            }
        }
    }

    /** One label in ASCII: checked as LDH when ASCII, converted with IDNA 2003 ToASCII otherwise. */
    private static String label(String label) {
        if (label.isEmpty()) {
            throw new BrokenRule("it has an empty label (two dots in a row, or a dot at the start)");
        }
        String ascii;
        if (isAscii(label)) {
            ascii = label.toLowerCase(Locale.ROOT);
        } else {
            try {
                ascii = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new BrokenRule("the label \"" + Echo.of(label) + "\" is not a valid internationalised label");
            }
        }
        if (ascii.isEmpty() || ascii.length() > MAX_LABEL) {
            throw new BrokenRule("the label \"" + Echo.of(label) + "\" is not 1 to " + MAX_LABEL + " characters long");
        }
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                throw new BrokenRule("the label \"" + Echo.of(label) + "\" has a character other than letters, digits and '-'");
            }
        }
        if (ascii.startsWith("-") || ascii.endsWith("-")) {
            throw new BrokenRule("the label \"" + Echo.of(label) + "\" starts or ends with '-'");
        }
        if (ascii.startsWith("xn--") && !validALabel(ascii)) {
            throw new BrokenRule("the label \"" + Echo.of(label) + "\" is not a valid punycode (xn--) label");
        }
        return ascii;
    }

    /** An xn-- label must decode, and encode back to itself. */
    private static boolean validALabel(String ascii) {
        String unicode = IDN.toUnicode(ascii);
        if (unicode.equals(ascii)) {
            return false;
        }
        try {
            return IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).equalsIgnoreCase(ascii);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

package dev.vodcert.console;

import java.util.List;

/**
 * A piece of markup known to be safe, and the one way pages are made: {@link #of} fills each
 * {@code {}} of a template with an argument, escaping every argument that is not itself
 * {@code Html}. So a value (a domain name, a certificate subject, an error text) is always text in
 * the page, never markup.
 */
public record Html(String markup) {
    public static final Html EMPTY = new Html("");

    /** The template (trusted markup) with each {@code {}} replaced by the next argument, escaped unless it is {@code Html}. */
    public static Html of(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
        int from = 0;
        for (Object arg : args) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                throw new IllegalArgumentException("more arguments than {} in " + template);
            }
            out.append(template, from, at).append(arg instanceof Html h ? h.markup() : escape(arg));
            from = at + 2;
        }
        if (template.indexOf("{}", from) >= 0) {
            throw new IllegalArgumentException("fewer arguments than {} in " + template);
        }
        return new Html(out.append(template, from, template.length()).toString());
    }

    /** The pieces one after another. */
    public static Html join(List<Html> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.markup()));
        return new Html(out.toString());
    }

    /** The text of {@code value} ({@code ""} for null) with {@code & < > " '} as character references. */
    public static String escape(Object value) {
        String s = value == null ? "" : value.toString();
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return markup;
    }
}

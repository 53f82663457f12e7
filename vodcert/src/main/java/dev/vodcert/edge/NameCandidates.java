package dev.vodcert.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which stored domain names could serve a requested host name, most specific first: the name
 * itself, then the wildcard of its parent ({@code *.b.example.com} for {@code a.b.example.com}),
 * then the wildcards of further ancestors. A wildcard domain (added as {@code .example.com} or
 * {@code *.example.com}, stored as the latter) thus covers every subdomain at any depth, as the CDN
 * accelerates them, but not the apex {@code example.com}, which is a domain of its own. The most
 * specific stored name decides alone: when {@code a.example.com} exists but is offline, the
 * wildcard {@code *.example.com} does not step in for it (it may belong to another account).
 * A host name is read as ASCII (SNI carries A-labels), lower-cased, a trailing dot dropped; a
 * name that cannot be a DNS name gets no candidates.
 */
final class NameCandidates {
    static final int MAX_NAME = 253;

    private NameCandidates() {
    }

    /** The canonical form of a requested host name, or empty when it cannot be a domain name. */
    static Optional<String> canonical(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > MAX_NAME || name.startsWith(".") || name.contains("..")) {
            return Optional.empty();
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.' || c == '_';
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(name.toLowerCase(Locale.ROOT));
    }

    /** The stored names that could serve {@code name} (canonical), most specific first. */
    static List<String> of(String name) {
        List<String> out = new ArrayList<>();
        out.add(name);
        int dot = name.indexOf('.');
        while (dot >= 0 && name.indexOf('.', dot + 1) >= 0) {
            out.add("*" + name.substring(dot));
            dot = name.indexOf('.', dot + 1);
        }
        return out;
    }
}

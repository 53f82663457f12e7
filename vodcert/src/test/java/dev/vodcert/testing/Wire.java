package dev.vodcert.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request exactly as it goes on the wire (method, raw query, headers, body), and what it means:
 * {@link #meaning()} decodes it the way the spec reads requests, so that a test can tell a mutation
 * that changes the request from one that only re-spells it (say {@code %2f} for {@code %2F}).
 */
public record Wire(String method, String query, List<String[]> headers, byte[] body) {

    public Wire {
        headers = List.copyOf(headers);
    }

    public RawHttp.Reply send(int port) {
        return RawHttp.send(port, method, "/" + (query.isEmpty() ? "" : "?" + query), headers, body);
    }

    public String header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    public Wire withMethod(String newMethod) {
        return new Wire(newMethod, query, headers, body);
    }

    public Wire withQuery(String newQuery) {
        return new Wire(method, newQuery, headers, body);
    }

    public Wire withBody(byte[] newBody) {
        return new Wire(method, query, headers, newBody);
    }

    /** The same request with one header set (replaced, or added), or removed when {@code value} is null. */
    public Wire withHeader(String name, String value) {
        List<String[]> changed = new ArrayList<>();
        for (String[] h : headers) {
            if (!h[0].equalsIgnoreCase(name)) {
                changed.add(h);
            }
        }
        if (value != null) {
            changed.add(new String[] {name, value});
        }
        return new Wire(method, query, changed, body);
    }

    /**
     * What the request says: method, decoded query and form parameters (an empty value counts as
     * absent, as it does for every action), header values by lower-case name (trimmed, as ACS3 reads
     * them), and the body's bytes where they are signed (ACS3) or not a form; null when the parameters
     * do not decode.
     */
    public String meaning() {
        Map<String, String> q = decode(query);
        String contentType = header("content-type");
        boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded");
        Map<String, String> b = form && body != null ? decode(new String(body, StandardCharsets.UTF_8)) : new TreeMap<>();
        if (q == null || b == null) {
            return null;
        }
        q.values().removeIf(String::isEmpty);
        b.values().removeIf(String::isEmpty);
        Map<String, String> h = new TreeMap<>();
        headers.forEach(x -> h.put(x[0].toLowerCase(Locale.ROOT), x[1].trim()));
        String auth = h.get("authorization");
        if (auth != null && auth.startsWith("ACS3-HMAC-SHA256 ")) {
            h.put("authorization", auth.toLowerCase(Locale.ROOT));
        }
        // a V1 form body means only its decoded parameters (re-spelling %3D as %3d changes nothing);
        // ACS3 signs the body's bytes (x-acs-content-sha256), so there every byte is meaning
        boolean bytesSigned = auth != null && auth.startsWith("ACS3-HMAC-SHA256 ");
        return method + "\n" + q + "\n" + b + "\n" + h + "\n" + (form && !bytesSigned ? "" : Arrays.toString(body));
    }

    /** Form decoding, strict about escapes and UTF-8; null when it fails or a name repeats. */
    static Map<String, String> decode(String form) {
        Map<String, String> out = new TreeMap<>();
        if (form == null || form.isEmpty()) {
            return out;
        }
        for (String pair : form.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = strict(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : strict(pair.substring(eq + 1));
                if (name == null || value == null || name.isEmpty() || out.put(name, value) != null) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out;
    }

    private static String strict(String encoded) {
        String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        return decoded.indexOf('\uFFFD') >= 0 && !encoded.contains("%EF%BF%BD") ? null : decoded;
    }

    /** Parameters in the spec's order of no importance, for building requests. */
    public static Map<String, String> params() {
        return new LinkedHashMap<>();
    }
}

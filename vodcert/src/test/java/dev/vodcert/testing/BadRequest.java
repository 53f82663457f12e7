package dev.vodcert.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One row of the bad-input table (src/test/resources/hardening/bad-requests.jsonl), turned into the
 * bytes it stands for. A row names its signing ({@code sign}: {@code v1}, the default, {@code v3} or
 * {@code none}), {@code method} (POST), {@code action}, business {@code params}, where they go
 * ({@code where}: query or body), changes to the common parameters before signing ({@code common};
 * null removes one), and what is done after signing: {@code appendQuery}, {@code headers} (null
 * removes one), or, unsigned, a raw {@code query}, {@code body} / {@code bodyHex}, {@code path}, or a
 * whole {@code raw} request. Text may hold templates (see {@link Timestamps}).
 */
public final class BadRequest {
    private final JsonNode row;
    private final UnaryOperator<String> templates;

    public BadRequest(JsonNode row, UnaryOperator<String> templates) {
        this.row = row;
        this.templates = templates;
    }

    public String id() {
        return row.path("id").asText();
    }

    public String text(String field, String fallback) {
        JsonNode node = row.get(field);
        return node == null || node.isNull() ? fallback : templates.apply(node.asText());
    }

    /** Sends the row to the server on {@code port} and returns the answer. */
    public RawHttp.Reply send(int port, String accessKeyId, String secret) {
        if (row.has("raw")) {
            return RawHttp.exchange(port, text("raw", "").replace("{{port}}", Integer.toString(port))
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        String method = text("method", "POST");
        String sign = text("sign", "v1");
        Map<String, String> params = map("params");
        boolean inBody = text("where", "query").equals("body");
        List<String[]> headers = new ArrayList<>();
        String query;
        byte[] body = row.has("bodyHex") ? HexFormat.of().parseHex(text("bodyHex", ""))
                : row.has("body") ? text("body", "").getBytes(StandardCharsets.UTF_8) : null;
        if (sign.equals("v1")) {
            Map<String, String> p = new TreeMap<>();
            p.put("Action", text("action", "DescribeVodDomainDetail"));
            p.put("Version", "2017-03-21");
            p.put("Format", "JSON");
            p.put("AccessKeyId", accessKeyId);
            p.put("SignatureMethod", "HMAC-SHA1");
            p.put("SignatureVersion", "1.0");
            p.put("SignatureNonce", UUID.randomUUID().toString());
            p.put("Timestamp", Timestamps.now());
            p.putAll(params);
            applyCommon(p);
            if (!row.path("common").has("Signature")) {
                p.put("Signature", ReferenceSigner.v1(method, p, secret, false));
            }
            String encoded = encode(p);
            query = inBody ? "" : encoded;
            if (inBody) {
                body = encoded.getBytes(StandardCharsets.UTF_8);
                headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
            }
        } else if (sign.equals("v3")) {
            query = encode(params);
            byte[] payload = body == null ? new byte[0] : body;
            Map<String, String> h = new LinkedHashMap<>();
            h.put("host", "127.0.0.1:" + port);
            h.put("x-acs-action", text("action", "DescribeVodDomainDetail"));
            h.put("x-acs-version", "2017-03-21");
            h.put("x-acs-date", Timestamps.now());
            h.put("x-acs-signature-nonce", UUID.randomUUID().toString());
            h.put("x-acs-content-sha256", ReferenceSigner.sha256Hex(payload));
            applyCommon(h);
            List<String> signed = new ArrayList<>(h.keySet());
            h.put("authorization", "ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",SignedHeaders="
                    + String.join(";", signed.stream().sorted().toList()) + ",Signature="
                    + ReferenceSigner.v3(method, "/", decode(query), signed, h, h.get("x-acs-content-sha256"), secret));
            h.remove("host");
            h.forEach((name, value) -> headers.add(new String[] {name, value}));
            if (body != null) {
                headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
            }
        } else {
            query = text("query", "");
        }
        query += text("appendQuery", "");
        applyHeaders(headers);
        String path = text("path", "/");
        return RawHttp.send(port, method, path + (query.isEmpty() ? "" : "?" + query), headers, body);
    }

    private void applyCommon(Map<String, String> target) {
        row.path("common").fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else {
                target.put(e.getKey(), templates.apply(e.getValue().asText()));
            }
        });
    }

    private void applyHeaders(List<String[]> headers) {
        row.path("headers").fields().forEachRemaining(e -> {
            headers.removeIf(h -> h[0].equalsIgnoreCase(e.getKey()));
            if (!e.getValue().isNull()) {
                for (String value : e.getValue().isArray() ? values(e.getValue()) : List.of(e.getValue().asText())) {
                    headers.add(new String[] {e.getKey(), templates.apply(value)});
                }
            }
        });
    }

    private static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private Map<String, String> map(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        row.path(field).fields().forEachRemaining(e -> out.put(e.getKey(), templates.apply(e.getValue().asText())));
        return out;
    }

    public static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((n, v) -> out.append(out.length() == 0 ? "" : "&").append(ReferenceSigner.percentEncode(n))
                .append('=').append(ReferenceSigner.percentEncode(v)));
        return out.toString();
    }

    private static Map<String, String> decode(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                out.put(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The wire time format, now. */
    static final class Timestamps {
        static String now() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
        }
    }
}

package dev.vodcert.server;

import dev.vodcert.testing.BadRequest;
import dev.vodcert.testing.ReferenceSigner;
import dev.vodcert.testing.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The ways {@link SignatureForgeryTest} changes a valid request: each changes what the request
 * says (a copy that only re-spells it is filtered out by {@link Wire#meaning()}). Returns null when
 * a way does not apply to a request (no body, not ACS3...).
 */
enum Mutation {
    PARAMETER_VALUE, PARAMETER_NAME, PARAMETER_DROPPED, PARAMETER_ADDED, PARAMETER_REPEATED, METHOD, QUERY_BYTE,
    BODY_BYTE, SIGNED_HEADER_VALUE, SIGNED_HEADER_DROPPED, SIGNATURE, CREDENTIAL, SIGNED_HEADER_LIST,
    QUERY_TO_BODY, ACCESS_KEY_ID;

    private static final String ALPHABET = "abcXYZ019-_.~ %/+=&?\u4e2d\u00e9\u0000";

    Wire apply(Wire w, Random random, String otherKeyId) {
        boolean acs3 = w.header("authorization") != null;
        boolean formBody = w.body() != null && w.body().length > 0;
        return switch (this) {
            case PARAMETER_VALUE, PARAMETER_NAME, PARAMETER_DROPPED, PARAMETER_ADDED ->
                    formBody && random.nextBoolean() ? onBody(w, random) : onQuery(w, random);
            case PARAMETER_REPEATED -> w.query().isEmpty() ? null : w.withQuery(w.query() + "&"
                    + w.query().split("&")[random.nextInt(w.query().split("&").length)].split("=")[0] + "=other");
            case METHOD -> w.withMethod(w.method().equals("GET") ? "POST" : "GET");
            case QUERY_BYTE -> w.query().isEmpty() ? null : w.withQuery(flip(w.query(), random));
            case BODY_BYTE -> formBody ? w.withBody(flip(new String(w.body(), StandardCharsets.UTF_8), random)
                    .getBytes(StandardCharsets.UTF_8)) : null;
            case SIGNED_HEADER_VALUE -> acs3 ? signedHeader(w, random, false) : null;
            case SIGNED_HEADER_DROPPED -> acs3 ? signedHeader(w, random, true) : null;
            case SIGNATURE -> acs3 ? authorization(w, "Signature", s -> hexFlip(s, random)) : null;
            case CREDENTIAL -> acs3 ? authorization(w, "Credential", s -> otherKeyId) : null;
            case SIGNED_HEADER_LIST -> acs3 ? authorization(w, "SignedHeaders", s -> {
                List<String> names = new ArrayList<>(List.of(s.split(";")));
                names.remove(random.nextInt(names.size()));
                return String.join(";", names);
            }) : null;
            case QUERY_TO_BODY -> acs3 && !w.query().isEmpty() ? queryToBody(w, random) : null;
            case ACCESS_KEY_ID -> acs3 ? null : replaceParameter(w, "AccessKeyId", otherKeyId);
        };
    }

    private Wire onQuery(Wire w, Random random) {
        Map<String, String> p = decode(w.query());
        return p == null ? null : w.withQuery(BadRequest.encode(change(p, random)));
    }

    private Wire onBody(Wire w, Random random) {
        Map<String, String> p = decode(new String(w.body(), StandardCharsets.UTF_8));
        return p == null ? null : w.withBody(BadRequest.encode(change(p, random)).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> change(Map<String, String> params, Random random) {
        Map<String, String> p = new LinkedHashMap<>(params);
        List<String> names = new ArrayList<>(p.keySet());
        String name = names.isEmpty() ? null : names.get(random.nextInt(names.size()));
        switch (this) {
            case PARAMETER_VALUE -> {
                if (name != null) {
                    p.put(name, charChange(p.get(name), random));
                }
            }
            case PARAMETER_NAME -> {
                if (name != null) {
                    String renamed = charChange(name, random);
                    if (!renamed.isEmpty() && !p.containsKey(renamed)) {
                        p.put(renamed, p.remove(name));
                    }
                }
            }
            case PARAMETER_DROPPED -> {
                if (name != null) {
                    p.remove(name);
                }
            }
            default -> p.put("Extra" + random.nextInt(1000), "v" + random.nextInt(1000));
        }
        return p;
    }

    private static Wire replaceParameter(Wire w, String name, String value) {
        if (!w.query().isEmpty()) {
            Map<String, String> p = decode(w.query());
            p.put(name, value);
            return w.withQuery(BadRequest.encode(p));
        }
        Map<String, String> p = decode(new String(w.body(), StandardCharsets.UTF_8));
        p.put(name, value);
        return w.withBody(BadRequest.encode(p).getBytes(StandardCharsets.UTF_8));
    }

    private static Wire signedHeader(Wire w, Random random, boolean drop) {
        List<String> names = drop
                ? List.of("x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256")
                : List.of("host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
                "x-acs-content-sha256");
        String name = names.get(random.nextInt(names.size()));
        return w.withHeader(name, drop ? null : charChange(w.header(name), random));
    }

    private static Wire authorization(Wire w, String field, java.util.function.UnaryOperator<String> change) {
        String auth = w.header("authorization");
        StringBuilder out = new StringBuilder("ACS3-HMAC-SHA256 ");
        String[] parts = auth.substring("ACS3-HMAC-SHA256 ".length()).split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            out.append(i == 0 ? "" : ",").append(kv[0]).append('=')
                    .append(kv[0].equals(field) ? change.apply(kv[1]) : kv[1]);
        }
        return w.withHeader("Authorization", out.toString());
    }

    private static Wire queryToBody(Wire w, Random random) {
        Map<String, String> q = decode(w.query());
        String name = new ArrayList<>(q.keySet()).get(random.nextInt(q.size()));
        String value = q.remove(name);
        byte[] body = BadRequest.encode(Map.of(name, value)).getBytes(StandardCharsets.UTF_8);
        Wire moved = w.withQuery(BadRequest.encode(q)).withBody(body).withHeader("Content-Type",
                "application/x-www-form-urlencoded");
        return random.nextBoolean() ? moved : moved.withHeader("x-acs-content-sha256", ReferenceSigner.sha256Hex(body));
    }

    private static String charChange(String value, Random random) {
        if (value.isEmpty()) {
            return "x";
        }
        int i = random.nextInt(value.length());
        char c;
        do {
            c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        } while (c == value.charAt(i));
        return value.substring(0, i) + c + value.substring(i + 1);
    }

    private static String hexFlip(String hex, Random random) {
        int i = random.nextInt(hex.length());
        char c;
        do {
            c = "0123456789abcdef".charAt(random.nextInt(16));
        } while (Character.toLowerCase(hex.charAt(i)) == c);
        return hex.substring(0, i) + c + hex.substring(i + 1);
    }

    private static String flip(String text, Random random) {
        int i = random.nextInt(text.length());
        return text.substring(0, i) + (char) (0x21 + random.nextInt(0x5E)) + text.substring(i + 1);
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                out.put(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}

package dev.vodcert.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ACS3-HMAC-SHA256 signature (spec §5): a canonical request of method, path, the query string's
 * parameters, the signed headers and the body's SHA-256; its SHA-256 signed with the secret, hex.
 */
public final class SignatureV3 {
    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    /** SHA-256 of an empty body. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private SignatureV3() {
    }

    public static String canonicalQuery(Map<String, String> query) {
        List<String[]> encoded = new ArrayList<>(query.size());
        for (Map.Entry<String, String> e : query.entrySet()) {
            encoded.add(new String[] {PercentEncoder.encode(e.getKey()), PercentEncoder.encode(e.getValue())});
        }
        encoded.sort((a, b) -> a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder(128);
        for (String[] pair : encoded) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /**
     * The canonical request.
     *
     * @param signedHeaders lower-case header names, sorted
     * @param headerValue   the value of each signed header by lower-case name (null reads as empty)
     */
    public static String canonicalRequest(String method, String path, Map<String, String> query,
                                          List<String> signedHeaders, Map<String, String> headerValue,
                                          String hashedPayload) {
        StringBuilder out = new StringBuilder(512);
        out.append(method).append('\n').append(path).append('\n').append(canonicalQuery(query)).append('\n');
        for (String name : signedHeaders) {
            String value = headerValue.get(name);
            out.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n').append(hashedPayload);
        return out.toString();
    }

    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + Hmac.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(String accessKeySecret, String stringToSign) {
        return Hmac.hex(Hmac.hmac("HmacSHA256", accessKeySecret, stringToSign));
    }

    public static String bodySha256(byte[] body) {
        return body == null || body.length == 0 ? EMPTY_SHA256 : Hmac.sha256Hex(body);
    }

    public static boolean matches(String accessKeySecret, String stringToSign, String given) {
        return Hmac.sameText(sign(accessKeySecret, stringToSign), given.toLowerCase(java.util.Locale.ROOT));
    }
}

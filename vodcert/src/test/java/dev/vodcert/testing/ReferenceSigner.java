package dev.vodcert.testing;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Both signature algorithms written a second time, straight from the spec (§4.1 and §5.2) and with
 * none of the server's code: percent-encoding by the Java recipe the spec gives
 * ({@code URLEncoder}, then {@code +}→{@code %20}, {@code *}→{@code %2A}, {@code %7E}→{@code ~}),
 * sorting by encoded name. Tests use it to sign requests and as the oracle that any request the
 * server accepts really carries the right signature.
 */
public final class ReferenceSigner {
    private static final HexFormat HEX = HexFormat.of();

    private ReferenceSigner() {
    }

    public static String percentEncode(String value) {
        try {
            return URLEncoder.encode(value, "UTF-8").replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        } catch (UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }

    /** Encoded name to encoded value, sorted by encoded name; {@code Signature} left out when asked. */
    private static String canonical(Map<String, String> params, boolean dropSignature, boolean dropEmpty) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((name, value) -> {
            if ((dropSignature && name.equals("Signature")) || (dropEmpty && value.isEmpty())) {
                return;
            }
            sorted.put(percentEncode(name), percentEncode(value));
        });
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(name).append('=').append(value));
        return out.toString();
    }

    /** The HMAC-SHA1 signature of spec §4.1; {@code dropEmpty} leaves out empty values, as some SDKs do. */
    public static String v1(String method, Map<String, String> params, String secret, boolean dropEmpty) {
        String stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonical(params, true, dropEmpty));
        return Base64.getEncoder().encodeToString(mac("HmacSHA1", secret + "&", stringToSign));
    }

    /**
     * The ACS3-HMAC-SHA256 signature of spec §5.2.
     *
     * @param signedHeaders lower-case names, any order
     * @param headers       values by lower-case name
     */
    public static String v3(String method, String path, Map<String, String> query, List<String> signedHeaders,
                            Map<String, String> headers, String payloadSha256, String secret) {
        List<String> names = signedHeaders.stream().sorted().toList();
        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append('\n').append(path).append('\n').append(canonical(query, false, false))
                .append('\n');
        for (String name : names) {
            String value = headers.get(name);
            canonical.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        canonical.append('\n').append(String.join(";", names)).append('\n').append(payloadSha256);
        String stringToSign = "ACS3-HMAC-SHA256\n" + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(mac("HmacSHA256", secret, stringToSign));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] mac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}

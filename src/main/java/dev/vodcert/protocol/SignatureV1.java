package dev.vodcert.protocol;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The RPC HMAC-SHA1 signature ({@code SignatureVersion=1.0}, spec §4): every parameter but
 * {@code Signature}, RFC 3986-encoded and sorted by encoded name, joined, encoded once more after the
 * method and {@code %2F}, signed with {@code AccessKeySecret + "&"}.
 */
public final class SignatureV1 {
    private SignatureV1() {
    }

    /**
     * The string to sign.
     *
     * @param skipEmpty leave out parameters whose value is empty, as the Tea-generated SDKs sign
     */
    public static String stringToSign(String method, Map<String, String> params, boolean skipEmpty) {
        List<String[]> encoded = new ArrayList<>(params.size());
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equals("Signature") || (skipEmpty && e.getValue().isEmpty())) {
                continue;
            }
            encoded.add(new String[] {PercentEncoder.encode(e.getKey()), PercentEncoder.encode(e.getValue())});
        }
        encoded.sort((a, b) -> a[0].compareTo(b[0]));
        StringBuilder canonical = new StringBuilder(256);
        for (String[] pair : encoded) {
            if (canonical.length() > 0) {
                canonical.append('&');
            }
            canonical.append(pair[0]).append('=').append(pair[1]);
        }
        StringBuilder sts = new StringBuilder(canonical.length() * 5 / 4 + 16);
        sts.append(method).append("&%2F&");
        PercentEncoder.encodeTo(canonical.toString(), sts);
        return sts.toString();
    }

    /** Base64 HMAC-SHA1 of the string to sign, keyed with the secret and a trailing {@code &}. */
    public static String sign(String accessKeySecret, String stringToSign) {
        return Base64.getEncoder().encodeToString(Hmac.hmac("HmacSHA1", accessKeySecret + "&", stringToSign));
    }

    /** Whether {@code given} is the signature of {@code stringToSign}, compared in constant time. */
    public static boolean matches(String accessKeySecret, String stringToSign, String given) {
        return Hmac.sameText(sign(accessKeySecret, stringToSign), given);
    }
}

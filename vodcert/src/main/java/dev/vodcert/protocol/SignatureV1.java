package dev.vodcert.protocol;

import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;

/**
 * The RPC HMAC-SHA1 signature ({@code SignatureVersion=1.0}, spec §4): every parameter but
 * {@code Signature}, RFC 3986-encoded and sorted by encoded name, joined, encoded once more after the
 * method and {@code %2F}, signed with {@code AccessKeySecret + "&"}. Built in one buffer: the
 * canonical query's second encoding is written directly ({@link PercentEncoder#encodeTwiceTo}), and
 * names made only of unreserved characters (every name the SDKs send) sort as they are, since they
 * encode to themselves.
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
        String[] names = new String[params.size()];
        int n = 0;
        boolean unreserved = true;
        int length = method.length() + 5;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equals("Signature") || (skipEmpty && e.getValue().isEmpty())) {
                continue;
            }
            names[n++] = e.getKey();
            unreserved &= PercentEncoder.isUnreserved(e.getKey());
            length += e.getKey().length() + e.getValue().length() + 6;
        }
        if (unreserved) {
            Arrays.sort(names, 0, n);
        } else {
            Arrays.sort(names, 0, n, Comparator.comparing(PercentEncoder::encode));
        }
        StringBuilder sts = new StringBuilder(length + length / 2);
        sts.append(method).append("&%2F&");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sts.append("%26");
            }
            PercentEncoder.encodeTwiceTo(names[i], sts);
            sts.append("%3D");
            PercentEncoder.encodeTwiceTo(params.get(names[i]), sts);
        }
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

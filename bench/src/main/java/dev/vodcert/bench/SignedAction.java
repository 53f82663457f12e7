package dev.vodcert.bench;

import dev.vodcert.protocol.SignatureV1;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a V1 (HMAC-SHA1) call of any action as the SDKs send them, {@code Signature}
 * included: the common parameters, the action's own, and the signature over both for the HTTP method.
 */
final class SignedAction {
    private SignedAction() {
    }

    static Map<String, String> parameters(String method, String accessKeyId, String secret, String nonce,
                                          String timestamp, Map<String, String> action) {
        Map<String, String> p = new TreeMap<>(action);
        p.put("Version", "2017-03-21");
        p.put("Format", "JSON");
        p.put("AccessKeyId", accessKeyId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", nonce);
        p.put("Timestamp", timestamp);
        p.put("Signature", SignatureV1.sign(secret, SignatureV1.stringToSign(method, p, false)));
        return p;
    }
}

package dev.vodcert.bench;

import dev.vodcert.protocol.SignatureV1;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a V1 (HMAC-SHA1) {@code DescribeVodDomainCertificateInfo} as the SDKs send
 * them, {@code Signature} included: what the load benchmark replays and the micro benchmarks read.
 */
public final class SignedDescribe {
    private SignedDescribe() {
    }

    public static Map<String, String> parameters(String accessKeyId, String secret, String nonce, String timestamp,
                                                 String domainName) {
        Map<String, String> p = new TreeMap<>();
        p.put("Action", "DescribeVodDomainCertificateInfo");
        p.put("Version", "2017-03-21");
        p.put("Format", "JSON");
        p.put("AccessKeyId", accessKeyId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", nonce);
        p.put("Timestamp", timestamp);
        p.put("DomainName", domainName);
        p.put("Signature", SignatureV1.sign(secret, SignatureV1.stringToSign("GET", p, false)));
        return p;
    }
}

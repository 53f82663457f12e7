package dev.vodcert.bench;

import java.util.Map;

/**
 * The parameters of a V1 (HMAC-SHA1) {@code DescribeVodDomainCertificateInfo} as the SDKs send
 * them, {@code Signature} included: what the load benchmark replays and the micro benchmarks read.
 */
public final class SignedDescribe {
    private SignedDescribe() {
    }

    public static Map<String, String> parameters(String accessKeyId, String secret, String nonce, String timestamp,
                                                 String domainName) {
        return SignedAction.parameters("GET", accessKeyId, secret, nonce, timestamp,
                Map.of("Action", "DescribeVodDomainCertificateInfo", "DomainName", domainName));
    }
}

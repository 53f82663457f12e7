package dev.vodcert.bench.jmh;

import dev.vodcert.bench.SignedDescribe;
import dev.vodcert.protocol.AuthorizationHeader;
import dev.vodcert.protocol.PercentEncoder;
import dev.vodcert.protocol.RpcRequest;
import dev.vodcert.protocol.SignatureV3;
import dev.vodcert.protocol.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests the micro benchmarks feed to the protocol code, built as the SDKs send them: a V1
 * (HMAC-SHA1) GET with every parameter in the query, the same as a form POST, and an ACS3 POST.
 */
final class Requests {
    static final String KEY_ID = "LTAIbenchmark0000000";
    static final String SECRET = "bench-secret-local-only-000000";
    static final String DOMAIN = "d42.bench.example.com";

    private Requests() {
    }

    static Map<String, String> v1Parameters(String nonce) {
        return SignedDescribe.parameters(KEY_ID, SECRET, nonce, Timestamps.format(Instant.now()), DOMAIN);
    }

    static String encode(Map<String, String> p) {
        StringBuilder q = new StringBuilder();
        p.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(PercentEncoder.encode(k)).append('=')
                .append(PercentEncoder.encode(v)));
        return q.toString();
    }

    static RpcRequest v1Get(String nonce) {
        return new RpcRequest("GET", "/", encode(v1Parameters(nonce)), Map.of("host", "127.0.0.1:8080"),
                new byte[0], "127.0.0.1");
    }

    static RpcRequest v1FormPost(String nonce) {
        Map<String, String> p = v1Parameters(nonce);
        return new RpcRequest("POST", "/", "", Map.of("host", "127.0.0.1:8080",
                "content-type", "application/x-www-form-urlencoded"),
                encode(p).getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    /** An ACS3-HMAC-SHA256 request as tea-openapi sends it: action and version in headers, the domain in the query. */
    static RpcRequest v3Post(String nonce) {
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", "127.0.0.1:8080");
        headers.put("x-acs-action", "DescribeVodDomainCertificateInfo");
        headers.put("x-acs-version", "2017-03-21");
        headers.put("x-acs-date", Timestamps.format(Instant.now()));
        headers.put("x-acs-signature-nonce", nonce);
        headers.put("x-acs-content-sha256", SignatureV3.EMPTY_SHA256);
        Map<String, String> query = Map.of("DomainName", DOMAIN);
        List<String> signed = new ArrayList<>(headers.keySet());
        String canonical = SignatureV3.canonicalRequest("POST", "/", query, signed, headers, SignatureV3.EMPTY_SHA256);
        String signature = SignatureV3.sign(SECRET, SignatureV3.stringToSign(canonical));
        headers.put("authorization", SignatureV3.ALGORITHM + " Credential=" + KEY_ID + ",SignedHeaders="
                + String.join(";", signed) + ",Signature=" + signature);
        AuthorizationHeader.parse(headers.get("authorization"));
        return new RpcRequest("POST", "/", encode(query), headers, new byte[0], "127.0.0.1");
    }
}

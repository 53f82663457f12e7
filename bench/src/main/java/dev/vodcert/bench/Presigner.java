package dev.vodcert.bench;

import dev.vodcert.protocol.PercentEncoder;
import dev.vodcert.protocol.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.Map;

/**
 * Signs requests ahead of time, as an HMAC-SHA1 client would send them: {@code
 * DescribeVodDomainCertificateInfo} as a GET with every parameter in the query (other actions as a
 * POST form, {@link #post}), {@code Format=JSON}, a unique
 * {@code SignatureNonce} each, and a mix of stored and unknown domain names. Signing happens before
 * the clock starts, so the load generator only writes bytes.
 */
final class Presigner {
    private final String accessKeyId;
    private final String secret;
    private final String host;
    private final String runId;
    private long serial;

    /**
     * @param port  the server's, for the {@code Host} header; 0 when not known yet (no port in the header)
     * @param runId makes nonces unique across the whole benchmark run, whatever the process
     */
    Presigner(String accessKeyId, String secret, int port, String runId) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.host = port > 0 ? "127.0.0.1:" + port : "127.0.0.1";
        this.runId = runId;
    }

    /**
     * {@code count} requests: a share {@code existing} of them for stored domains picked at random
     * among {@code domains}, the rest for names that are not stored.
     */
    Workload sign(int count, int domains, double existing, long seed, Instant timestamp) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] requests = new byte[count][];
        int[] expected = new int[count];
        String time = Timestamps.format(timestamp);
        for (int i = 0; i < count; i++) {
            boolean known = domains > 0 && random.nextDouble() < existing;
            String name = known ? Seeder.domainName(random.nextInt(domains)) : Seeder.unknownName(random.nextInt());
            requests[i] = request(name, time);
            expected[i] = known ? 200 : 404;
        }
        return new Workload(requests, expected);
    }

    /** One signed request for one domain, e.g. to wait for the first answer. */
    byte[] request(String domainName, String timestamp) {
        Map<String, String> p = SignedDescribe.parameters(accessKeyId, secret, runId + "-" + (serial++), timestamp,
                domainName);
        String query = form(p);
        return ("GET /?" + query + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: vodcert-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * One signed call of any action as a POST with the parameters in a form body, as the SDKs send a
     * call whose parameters are long (a certificate's PEM).
     */
    byte[] post(Map<String, String> action, String timestamp) {
        Map<String, String> p = SignedAction.parameters("POST", accessKeyId, secret, runId + "-" + (serial++),
                timestamp, action);
        byte[] body = form(p).getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("POST / HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: vodcert-bench\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static String form(Map<String, String> p) {
        StringBuilder s = new StringBuilder(512);
        p.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(PercentEncoder.encode(k)).append('=')
                .append(PercentEncoder.encode(v)));
        return s.toString();
    }
}

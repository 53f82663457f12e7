package dev.vodcert.bench;

import dev.vodcert.protocol.PercentEncoder;
import dev.vodcert.protocol.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.Map;

/**
 * Signs {@code DescribeVodDomainCertificateInfo} requests ahead of time, as an HMAC-SHA1 client would
 * send them: a GET with every parameter in the query, {@code Format=JSON}, a unique
 * {@code SignatureNonce} each, and a mix of stored and unknown domain names. Signing happens before
 * the clock starts, so the load generator only writes bytes.
 */
final class Presigner {
    private final String accessKeyId;
    private final String secret;
    private final String host;
    private final String runId;
    private long serial;

    /** @param runId makes nonces unique across the whole benchmark run, whatever the process */
    Presigner(String accessKeyId, String secret, int port, String runId) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.host = "127.0.0.1:" + port;
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
        StringBuilder line = new StringBuilder(512).append("GET /?");
        p.forEach((k, v) -> line.append(line.length() == 6 ? "" : "&").append(PercentEncoder.encode(k)).append('=')
                .append(PercentEncoder.encode(v)));
        line.append(" HTTP/1.1\r\nHost: ").append(host).append("\r\nUser-Agent: vodcert-bench\r\n\r\n");
        return line.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestClock;
import dev.vodcert.testing.RawHttp;
import dev.vodcert.testing.ReferenceSigner;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import dev.vodcert.testing.Wire;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signatures cannot be forged or replayed. Valid requests are built (HMAC-SHA1 in the query, in a
 * form body, by GET, signed leaving out empty values; ACS3 in the query and with a form body; reads
 * and writes) and {@value #MUTATIONS} copies are sent, each changed in a way that changes what it
 * says: one character of a parameter's name or value, a parameter added, dropped or repeated, the
 * method, a byte of the query or body, a signed header changed or dropped, the signature, the
 * credential or the signed-header list altered, a parameter moved from the query to the body (a
 * dropped Host is not tried: HTTP/1.1 requires one and the client adds the same one back). Every
 * copy is refused by the gateway with a 4xx signature or request code before any action runs, and
 * the stored data does not change. Then the originals are sent and succeed (so the copies were close
 * and no copy used up a nonce), and sending any of them again is refused as a replay. The server's
 * clock stands still, so the run cannot drift out of the timestamp window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureForgeryTest {
    static final int MUTATIONS = 10_000;
    private static final Set<String> GATEWAY_REFUSALS = Set.of("SignatureDoesNotMatch", "IncompleteSignature",
            "MissingParameter", "InvalidParameter", "InvalidTimeStamp.Format", "InvalidTimeStamp.Expired",
            "InvalidAccessKeyId.NotFound", "InvalidAction.NotFound", "InvalidVersion", "UnsupportedHTTPMethod");
    private static final String DOMAIN = "forgery.vodcert-test.com";

    private final TestClock clock = TestClock.atNow();
    private TestServer server;
    private SignedClient client;
    private String otherKeyId;
    private final List<Wire> originals = new ArrayList<>();
    private final List<String> expectations = new ArrayList<>();

    @BeforeAll
    void start() {
        server = new TestServer(clock);
        client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        otherKeyId = server.otherKey().accessKeyId();
        Issued cert = TestCertificates.issue(DOMAIN);
        assertThat(client.call("AddVodDomain", Map.of("DomainName", DOMAIN, "Sources",
                "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]")).status()).isEqualTo(200);
        Map<String, String> upload = new LinkedHashMap<>();
        upload.put("DomainName", DOMAIN);
        upload.put("SSLProtocol", "on");
        upload.put("SSLPub", cert.chainPem());
        upload.put("SSLPri", cert.keyPemPkcs8());
        assertThat(client.call("SetVodDomainCertificate", upload).status()).isEqualTo(200);

        original(v1("POST", false, "DescribeVodDomainCertificateInfo", Map.of("DomainName", DOMAIN), false), "200");
        original(v1("GET", false, "DescribeVodDomainDetail", Map.of("DomainName", DOMAIN), false), "200");
        original(v1("POST", true, "SetVodDomainCertificate", Map.of("DomainName", DOMAIN, "SSLProtocol", "on"), false),
                "200");
        original(v1("POST", false, "AddVodDomain", Map.of("DomainName", "forged-add.vodcert-test.com", "Sources",
                "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]"), false), "200");
        original(v1("POST", false, "DescribeVodDomainDetail", Map.of("DomainName", DOMAIN, "CertName", ""), true),
                "200");
        original(v3("DescribeVodDomainCertificateInfo", Map.of("DomainName", DOMAIN), null), "200");
        original(v3("SetVodDomainCertificate", Map.of(), "DomainName=" + DOMAIN + "&SSLProtocol=on"), "200");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void original(Wire wire, String expected) {
        originals.add(wire);
        expectations.add(expected);
    }

    private String now() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(clock.instant());
    }

    /** An HMAC-SHA1 request, signed with all parameters or, like some SDKs, without the empty ones. */
    private Wire v1(String method, boolean inBody, String action, Map<String, String> business, boolean skipEmpty) {
        Map<String, String> p = new TreeMap<>(business);
        p.put("Action", action);
        p.put("Version", "2017-03-21");
        p.put("Format", "JSON");
        p.put("AccessKeyId", TestServer.ACCESS_KEY_ID);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", "forgery-" + originals.size());
        p.put("Timestamp", now());
        p.put("Signature", ReferenceSigner.v1(method, p, TestServer.ACCESS_KEY_SECRET, skipEmpty));
        String encoded = encode(p);
        List<String[]> headers = new ArrayList<>();
        if (inBody) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        }
        return new Wire(method, inBody ? "" : encoded, headers, inBody ? encoded.getBytes(StandardCharsets.UTF_8) : null);
    }

    /** An ACS3-HMAC-SHA256 request: business parameters in the query, or a form body covered by its SHA-256. */
    private Wire v3(String action, Map<String, String> query, String formBody) {
        byte[] body = formBody == null ? new byte[0] : formBody.getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = new TreeMap<>();
        signed.put("host", "127.0.0.1:" + server.port());
        signed.put("x-acs-action", action);
        signed.put("x-acs-version", "2017-03-21");
        signed.put("x-acs-date", now());
        signed.put("x-acs-signature-nonce", "forgery-" + originals.size());
        signed.put("x-acs-content-sha256", ReferenceSigner.sha256Hex(body));
        String signature = ReferenceSigner.v3("POST", "/", query, List.copyOf(signed.keySet()), signed,
                signed.get("x-acs-content-sha256"), TestServer.ACCESS_KEY_SECRET);
        List<String[]> headers = new ArrayList<>();
        signed.forEach((k, v) -> headers.add(new String[] {k, v}));
        headers.add(new String[] {"Authorization", "ACS3-HMAC-SHA256 Credential=" + TestServer.ACCESS_KEY_ID
                + ",SignedHeaders=" + String.join(";", signed.keySet()) + ",Signature=" + signature});
        if (formBody != null) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        }
        return new Wire("POST", encode(query), headers, formBody == null ? null : body);
    }

    private static String encode(Map<String, String> p) {
        StringBuilder out = new StringBuilder();
        p.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(ReferenceSigner.percentEncode(k))
                .append('=').append(ReferenceSigner.percentEncode(v)));
        return out.toString();
    }

    @Test
    void tenThousandMutatedCopiesAreAllRefusedThenTheOriginalsWorkOnceAndReplaysAreRefused() throws Exception {
        String before = StoredData.dump(server.dataDir());
        Random random = new Random(20261128);
        List<String> operators = new ArrayList<>();
        List<Wire> forgeries = new ArrayList<>();
        while (forgeries.size() < MUTATIONS) {
            Wire base = originals.get(random.nextInt(originals.size()));
            Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
            Wire forged = m.apply(base, random, otherKeyId);
            if (forged == null || java.util.Objects.equals(forged.meaning(), base.meaning())) {
                continue;
            }
            operators.add(m.name());
            forgeries.add(forged);
        }
        Map<String, AtomicInteger> byCode = new ConcurrentHashMap<>();
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < forgeries.size(); i++) {
            Wire forged = forgeries.get(i);
            String operator = operators.get(i);
            sent.add(pool.submit(() -> {
                RawHttp.Reply reply = forged.send(server.port());
                String code = code(reply.body());
                byCode.computeIfAbsent(reply.status() + " " + code, k -> new AtomicInteger()).incrementAndGet();
                if (reply.status() < 400 || reply.status() > 499 || !GATEWAY_REFUSALS.contains(code)) {
                    accepted.add(operator + ": " + reply.status() + " " + reply.body() + " for " + forged.meaning());
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        System.out.println("forgeries: " + forgeries.size() + " sent, answers " + new TreeMap<>(byCode));
        assertThat(accepted).as("forgeries that were not refused by the gateway").isEmpty();
        assertThat(StoredData.dump(server.dataDir())).as("no forged write reached the store").isEqualTo(before);

        for (int i = 0; i < originals.size(); i++) {
            RawHttp.Reply reply = originals.get(i).send(server.port());
            assertThat(reply.status()).as("original %d: %s", i, reply.body()).isEqualTo(200);
        }
        for (Wire original : originals) {
            RawHttp.Reply replay = original.send(server.port());
            assertThat(replay.status()).as(replay.body()).isEqualTo(400);
            assertThat(code(replay.body())).isEqualTo("SignatureNonceUsed");
        }
        Wire inBody = originals.get(0).withQuery("").withBody(originals.get(0).query().getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", "application/x-www-form-urlencoded");
        RawHttp.Reply moved = inBody.send(server.port());
        assertThat(code(moved.body())).as("the same signed parameters moved to a form body are the same request: "
                + moved.body()).isEqualTo("SignatureNonceUsed");
    }

    static String code(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Code\":\"([^\"]*)\"").matcher(body);
        return m.find() ? m.group(1) : "";
    }
}

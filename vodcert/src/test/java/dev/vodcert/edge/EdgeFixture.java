package dev.vodcert.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A vodcert node with a built-in edge on its database, driven through the API as a user would:
 * domains and certificates set with signed calls, handshakes and requests made on the edge's ports.
 */
final class EdgeFixture implements AutoCloseable {
    /** How long a change may take to reach the handshakes. */
    static final Duration PROPAGATION = Duration.ofSeconds(5);

    final TestServer server;
    final EdgeServer edge;
    final SignedClient client;
    final SignedClient other;

    EdgeFixture(TestServer server, KeyCipher cipher, EdgeConfig config) {
        this(server, cipher, config, Clock.systemUTC());
    }

    /** @param clock the node's clock (HTTP-01 answers expire by it) */
    EdgeFixture(TestServer server, KeyCipher cipher, EdgeConfig config, Clock clock) {
        this.server = server;
        this.edge = EdgeWiring.start(config, server.app().database(), cipher, clock);
        this.client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        this.other = new SignedClient(server.port(), server.otherKey().accessKeyId(),
                server.otherKey().accessKeySecret());
    }

    /** An H2 node and its edge, timeouts short enough for the tests. */
    static EdgeFixture onH2() {
        TestServer server = new TestServer();
        KeyCipher cipher = new KeyCipher(KeyCipher.loadOrCreateMasterKey(server.dataDir(), null));
        return new EdgeFixture(server, cipher, testConfig());
    }

    static EdgeConfig testConfig() {
        return EdgeConfig.of("127.0.0.1", 0, 0).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    int https() {
        return edge.httpsPort();
    }

    int http() {
        return edge.httpPort();
    }

    static void addDomain(SignedClient as, String name, String sources) {
        ok(as.call("AddVodDomain", Map.of("DomainName", name, "Sources", sources)));
    }

    /** Uploads a new certificate for {@code names} to {@code domain}, HTTPS on; returns it. */
    static Issued upload(SignedClient as, String domain, String... names) {
        Issued issued = TestCertificates.issue(names);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("DomainName", domain);
        p.put("SSLProtocol", "on");
        p.put("SSLPub", issued.chainPem());
        p.put("SSLPri", issued.keyPemPkcs8());
        ok(as.call("SetVodDomainCertificate", p));
        return issued;
    }

    static SignedClient.Answer ok(SignedClient.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    /** Waits, polling, until {@code check} holds; fails after {@link #PROPAGATION}. */
    static void within(Duration limit, String what, Callable<Boolean> check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " did not happen within " + limit
                + (last == null ? "" : " (last failure: " + last + ")"));
    }

    static BigInteger serial(Issued issued) {
        return issued.cert().getSerialNumber();
    }

    /** Closes the edge only (the node belongs to whoever made it). */
    void closeEdge() {
        edge.close();
    }

    @Override
    public void close() {
        edge.close();
        server.close();
    }
}

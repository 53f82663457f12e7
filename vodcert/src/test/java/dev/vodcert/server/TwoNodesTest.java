package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vodcert.account.NewAccessKey;
import dev.vodcert.protocol.SignatureV1;
import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two vodcert nodes (two {@link Vodcert}s on two ports) on one PostgreSQL database are one
 * service: what one node writes the other answers at once, a nonce used on one is refused on the
 * other, and a key disabled on one is refused on the other at once (nothing is cached per node).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {
    private static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private String jdbcUrl;
    private TestServer nodeA;
    private TestServer nodeB;
    private SignedClient onA;
    private SignedClient onB;

    @BeforeAll
    void start() {
        jdbcUrl = EmbeddedPostgresServer.shared().newDatabase();
        nodeA = TestServer.onPostgres(jdbcUrl);
        nodeB = TestServer.onPostgres(jdbcUrl);
        onA = new SignedClient(nodeA.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        onB = new SignedClient(nodeB.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    @AfterAll
    void stop() {
        nodeA.close();
        nodeB.close();
    }

    private static String uniqueDomain() {
        return "node" + NEXT.incrementAndGet() + ".vodcert-cluster.com";
    }

    private static Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.code()).as(a.body()).isNull();
        return a;
    }

    private static void assertError(Answer a, int status, String code, String message) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.code()).as(a.body()).isEqualTo(code);
        assertThat(a.json().path("Message").asText()).isEqualTo(message);
    }

    private static JsonNode withoutRequestId(Answer a) {
        ObjectNode body = (ObjectNode) a.json().deepCopy();
        body.remove("RequestId");
        return body;
    }

    @Test
    void aDomainAddedOnOneNodeIsDescribedOnTheOtherAtOnce() {
        String domain = uniqueDomain();
        ok(onA.call("AddVodDomain", Map.of("DomainName", domain, "Sources", SOURCES)));
        Answer fromB = ok(onB.call("DescribeVodDomainDetail", Map.of("DomainName", domain)));
        Answer fromA = ok(onA.call("DescribeVodDomainDetail", Map.of("DomainName", domain)));
        assertThat(fromB.json().path("DomainDetail").path("DomainName").asText()).isEqualTo(domain);
        assertThat(withoutRequestId(fromB)).isEqualTo(withoutRequestId(fromA));

        Issued cert = TestCertificates.issue(domain);
        ok(onB.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8())));
        Answer infoA = ok(onA.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)));
        Answer infoB = ok(onB.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)));
        assertThat(infoA.json().path("CertInfos").path("CertInfo").get(0).path("ServerCertificateStatus").asText())
                .isEqualTo("on");
        assertThat(withoutRequestId(infoA)).isEqualTo(withoutRequestId(infoB));
    }

    @Test
    void aNameTakenOnOneNodeIsTakenOnTheOther() {
        String domain = uniqueDomain();
        ok(onA.call("AddVodDomain", Map.of("DomainName", domain, "Sources", SOURCES)));
        Answer again = onB.call("AddVodDomain", Map.of("DomainName", domain, "Sources", SOURCES));
        assertThat(again.status()).as(again.body()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("DomainAlreadyExist");
    }

    @Test
    void aNonceUsedOnOneNodeIsRefusedOnTheOther() {
        Map<String, String> p = onA.common("DescribeVodDomainDetail");
        p.put("DomainName", uniqueDomain());
        p.put("Signature", SignatureV1.sign(TestServer.ACCESS_KEY_SECRET, SignatureV1.stringToSign("POST", p, false)));
        Answer first = onA.send("POST", false, p);
        assertThat(first.code()).as(first.body()).isEqualTo("InvalidDomain.NotFound");
        assertError(onB.send("POST", false, p), 400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        assertError(onA.send("POST", false, p), 400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        long stored = Jdbi.create(jdbcUrl, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM signature_nonce").mapTo(Long.class).one());
        assertThat(stored).isPositive();
    }

    @Test
    void aKeyDisabledOrDeletedOnOneNodeIsRefusedOnTheOtherAtOnce() {
        NewAccessKey key = nodeA.app().accessKeys().create(nodeA.app().accessKeys().account("third"));
        SignedClient third = new SignedClient(nodeB.port(), key.accessKeyId(), key.accessKeySecret());
        String domain = uniqueDomain();
        ok(third.call("AddVodDomain", Map.of("DomainName", domain, "Sources", SOURCES)));

        assertThat(nodeA.app().accessKeys().setEnabled(key.accessKeyId(), false)).isTrue();
        assertError(third.call("DescribeVodDomainDetail", Map.of("DomainName", domain)), 400,
                "InvalidAccessKeyId.Inactive", "Specified access key is disabled.");
        assertThat(nodeA.app().accessKeys().setEnabled(key.accessKeyId(), true)).isTrue();
        ok(third.call("DescribeVodDomainDetail", Map.of("DomainName", domain)));
        assertThat(nodeA.app().accessKeys().delete(key.accessKeyId())).isTrue();
        assertError(third.call("DescribeVodDomainDetail", Map.of("DomainName", domain)), 404,
                "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    @Test
    void bothNodesAreReadyAndHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (TestServer node : List.of(nodeA, nodeB)) {
            for (String path : List.of("/ready", "/health")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseAgreeOnOneFirstKey() throws Exception {
        String url = EmbeddedPostgresServer.shared().newDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<TestServer> nodes = new ArrayList<>();
        try {
            List<Future<TestServer>> starting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                starting.add(pool.submit((Callable<TestServer>) () -> TestServer.onPostgres(url)));
            }
            for (Future<TestServer> f : starting) {
                nodes.add(f.get());
            }
            Jdbi db = Jdbi.create(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
            List<String> accounts = db.withHandle(h -> h.createQuery("SELECT name FROM account ORDER BY name")
                    .mapTo(String.class).list());
            assertThat(accounts).containsExactly("default", "other");
            long firstKeys = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM access_key WHERE access_key_id = :id")
                    .bind("id", TestServer.ACCESS_KEY_ID).mapTo(Long.class).one());
            assertThat(firstKeys).isEqualTo(1L);
            for (TestServer node : nodes) {
                ok(new SignedClient(node.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET)
                        .call("AddVodDomain", Map.of("DomainName", uniqueDomain(), "Sources", SOURCES)));
            }
        } finally {
            nodes.forEach(TestServer::close);
            pool.shutdownNow();
        }
    }

    @Test
    void aNodeWithAnotherMasterKeyRefusesToStart() {
        assertThatThrownBy(() -> new TestServer(Clock.systemUTC(), c -> TestServer.postgres(jdbcUrl).apply(c)
                .withMasterKey("b3RoZXItbWFzdGVyLWtleS1vZi0zMi1ieXRlcy0hISE=")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The master key does not open the secrets stored in the database")
                .hasMessageContaining("every node on one database needs the same key");
        ok(onA.call("AddVodDomain", Map.of("DomainName", uniqueDomain(), "Sources", SOURCES)));
    }

    @Test
    void withTheNonceStoreInMemoryEachNodeRemembersOnlyItsOwn() {
        String url = EmbeddedPostgresServer.shared().newDatabase();
        try (TestServer a = new TestServer(Clock.systemUTC(),
                c -> TestServer.postgres(url).apply(c).withNonceStore(NonceStore.MEMORY));
             TestServer b = new TestServer(Clock.systemUTC(),
                     c -> TestServer.postgres(url).apply(c).withNonceStore(NonceStore.MEMORY))) {
            SignedClient clientA = new SignedClient(a.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            Map<String, String> p = clientA.common("DescribeVodDomainDetail");
            p.put("DomainName", uniqueDomain());
            p.put("Signature", SignatureV1.sign(TestServer.ACCESS_KEY_SECRET, SignatureV1.stringToSign("POST", p, false)));
            assertThat(clientA.send("POST", false, p).code()).isEqualTo("InvalidDomain.NotFound");
            assertThat(clientA.send("POST", false, p).code()).isEqualTo("SignatureNonceUsed");
            SignedClient clientB = new SignedClient(b.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            assertThat(clientB.send("POST", false, p).code()).isEqualTo("InvalidDomain.NotFound");
            long stored = Jdbi.create(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM signature_nonce").mapTo(Long.class).one());
            assertThat(stored).isZero();
        }
    }
}

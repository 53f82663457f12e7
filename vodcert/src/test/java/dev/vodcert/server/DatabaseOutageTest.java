package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really stopped under a running node: requests get {@code ServiceUnavailable} (503)
 * within a bounded time instead of hanging, {@code /ready} says not ready, background work pauses;
 * PostgreSQL started again on the same data and port: all of it recovers by itself, and every
 * write acknowledged before the outage is there.
 */
class DatabaseOutageTest {
    private static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";
    /** The pool waits {@value dev.vodcert.store.Database#CONNECTION_TIMEOUT_MS} ms; allow for a loaded build machine. */
    private static final Duration BOUND = Duration.ofSeconds(6);
    /** How soon after the database returns service must be back: two pool retry periods and a margin. */
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final String UNAVAILABLE = "The request has failed due to a temporary failure of the server.";

    private EmbeddedPostgresServer postgres;
    private TestServer node;
    private SignedClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        postgres = EmbeddedPostgresServer.startNew();
        node = TestServer.onPostgres(postgres.newDatabase());
        client = new SignedClient(node.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    @AfterEach
    void stop() {
        node.close();
        postgres.close();
    }

    @Test
    void requestsFailFastWhileTheDatabaseIsDownAndEverythingRecoversWithNoAcknowledgedWriteLost() throws Exception {
        String domain = "outage.vodcert-test.com";
        ok(client.call("AddVodDomain", Map.of("DomainName", domain, "Sources", SOURCES)));
        Issued cert = TestCertificates.issue(domain);
        ok(client.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8())));
        AtomicInteger sweeps = new AtomicInteger();
        node.app().housekeeping().every("test task", Duration.ofDays(1), sweeps::incrementAndGet);
        assertThat(node.app().housekeeping().runOnce()).isTrue();
        assertThat(sweeps).hasValue(1);

        postgres.stop();

        unavailable(() -> client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)));
        unavailable(() -> client.call("AddVodDomain", Map.of("DomainName", "during.vodcert-test.com", "Sources", SOURCES)));
        assertThat(get("/ready")).isEqualTo(503);
        assertThat(get("/health")).isEqualTo(200);
        assertThat(node.app().housekeeping().runOnce()).isFalse();
        assertThat(node.app().housekeeping().isPaused()).isTrue();
        assertThat(sweeps).hasValue(1);

        postgres.start();

        Answer info = firstSuccess(() -> client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)));
        assertThat(info.json().path("CertInfos").path("CertInfo").get(0).path("ServerCertificateStatus").asText())
                .isEqualTo("on");
        assertThat(info.json().path("CertInfos").path("CertInfo").get(0).path("CertDomainName").asText())
                .isEqualTo(domain);
        Answer during = client.call("DescribeVodDomainDetail", Map.of("DomainName", "during.vodcert-test.com"));
        assertThat(during.status()).isEqualTo(404);
        assertThat(during.code()).isEqualTo("InvalidDomain.NotFound");
        assertThat(get("/ready")).isEqualTo(200);
        assertThat(node.app().housekeeping().runOnce()).isTrue();
        assertThat(node.app().housekeeping().isPaused()).isFalse();
        assertThat(sweeps).hasValue(2);
    }

    /**
     * The pool retries connecting at most every {@value dev.vodcert.store.Database#CONNECTION_TIMEOUT_MS}
     * ms, so the first request after the database returns may still be a 503; a client retrying (each
     * attempt bounded by the pool's wait) gets through within {@link #RECOVERY}.
     */
    private static Answer firstSuccess(java.util.function.Supplier<Answer> call) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        Answer a = call.get();
        while (a.status() == 503 && System.nanoTime() < deadline) {
            assertThat(a.code()).isEqualTo("ServiceUnavailable");
            a = call.get();
        }
        return ok(a);
    }

    private static void unavailable(java.util.function.Supplier<Answer> call) {
        long start = System.nanoTime();
        Answer a = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(a.status()).as(a.body()).isEqualTo(503);
        assertThat(a.code()).isEqualTo("ServiceUnavailable");
        assertThat(a.json().path("Message").asText()).isEqualTo(UNAVAILABLE);
        assertThat(took).isLessThan(BOUND);
    }

    private static Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.code()).as(a.body()).isNull();
        return a;
    }

    private int get(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(BOUND).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        return r.statusCode();
    }
}

package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.Issued;
import dev.vodcert.testing.Load;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Overload: the service's sustainable rate is measured first (as many callers in a closed loop as it
 * handles at once), then twice that rate is offered for a few seconds whatever the answers. Every
 * request is answered, within seconds, with success or {@code ServiceUnavailable} (503) from the
 * bounded queue, never a transport error or a 500; the service stays up; and once the load is gone
 * it serves normally again. The latency bound is generous because the test shares its CPUs with the
 * client and whatever else runs; figures from a quiet machine are in SECURITY.md.
 */
class OverloadTest {
    private static final int ACTIVE = 4;
    private static final int QUEUED = 16;
    private static final Duration QUEUE_WAIT = Duration.ofMillis(250);
    /** More callers than run and wait together (4 + 16), so the bound must refuse some. */
    private static final int OVERLOAD_CALLERS = 64;

    @Test
    void twiceTheSustainableRateIsAnsweredQuicklyAndTheServiceRecovers() throws Exception {
        try (TestServer server = new TestServer(Clock.systemUTC(),
                c -> c.withLimits(Limits.defaults().withQueue(ACTIVE, QUEUED, QUEUE_WAIT)))) {
            SignedClient client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            String domain = "overload.vodcert-test.com";
            Issued cert = TestCertificates.issue(domain);
            assertThat(client.call("AddVodDomain", Map.of("DomainName", domain, "Sources",
                    "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]")).status()).isEqualTo(200);
            Map<String, String> upload = new LinkedHashMap<>();
            upload.put("DomainName", domain);
            upload.put("SSLProtocol", "on");
            upload.put("SSLPub", cert.chainPem());
            upload.put("SSLPri", cert.keyPemPkcs8());
            assertThat(client.call("SetVodDomainCertificate", upload).status()).isEqualTo(200);
            Supplier<HttpRequest> read = () -> client.request("DescribeVodDomainCertificateInfo",
                    Map.of("DomainName", domain));
            HttpClient http = Load.client();

            Load.closedLoop(http, ACTIVE, Duration.ofSeconds(1), read);
            Load.Result sustained = Load.closedLoop(http, ACTIVE, Duration.ofSeconds(3), read);
            assertThat(sustained.transportErrors()).isZero();
            assertThat(sustained.outcomes().keySet()).as(sustained.toString()).containsOnly("200");
            double sustainable = sustained.answeredPerSecond();

            // paced over kept-alive connections by more callers than the queue admits, latency counted from
            // each request's slot: an open-loop client opening a connection per request measured itself
            Load.Result overload = Load.paced(http, 2 * sustainable, Duration.ofSeconds(4), OVERLOAD_CALLERS, read);
            System.out.printf("overload: sustainable %.0f/s; at twice that: %s%n", sustainable, overload);
            assertThat(overload.offeredPerSecond()).as("the load was really offered").isGreaterThan(1.5 * sustainable);
            assertThat(overload.transportErrors()).as(overload.toString()).isZero();
            assertThat(overload.count("200") + overload.count("503 ServiceUnavailable")).as(overload.toString())
                    .isEqualTo(overload.sent());
            assertThat(overload.outcomes().keySet()).isSubsetOf(Set.of("200", "503 ServiceUnavailable"));
            assertThat(overload.count("503 ServiceUnavailable")).as("the bound engaged: " + overload).isPositive();
            assertThat(overload.percentileMillis(100)).as("answered within seconds, not queued: " + overload)
                    .isLessThan(QUEUE_WAIT.toMillis() + 3_000);
            assertThat(health(server)).isEqualTo(200);

            Load.Result after = Load.closedLoop(http, 2, Duration.ofSeconds(2), read);
            assertThat(after.transportErrors()).isZero();
            assertThat(after.outcomes().keySet()).as("served normally again: " + after).containsOnly("200");
            assertThat(after.percentileMillis(99)).isLessThan(1_000);
        }
    }

    private static int health(TestServer server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}

package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.TestClock;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} carries the API's series after API requests (requests by action, status and
 * code, the latency histogram, throttled, queue-refused and in-flight requests) and the JVM's,
 * with an action nobody registered folded into {@code action="unknown"}.
 */
class ApiMetricsTest {
    private static final Map<String, String> DOMAIN = Map.of("DomainName", "nothing.metrics-test.com");

    @Test
    void apiRequestsShowOnMetricsWithBoundedLabels() throws Exception {
        TestClock clock = TestClock.atNow();
        try (TestServer server = new TestServer(clock, c -> c.withLimits(Limits.defaults().withThrottle("1/3")))) {
            SignedClient client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID,
                    TestServer.ACCESS_KEY_SECRET);
            for (int i = 0; i < 3; i++) {
                assertThat(client.call("DescribeVodDomainCertificateInfo", DOMAIN).status()).isEqualTo(404);
            }
            assertThat(client.call("DescribeVodDomainCertificateInfo", DOMAIN).code()).isEqualTo("Throttling.User");
            clock.advance(java.time.Duration.ofSeconds(10));
            assertThat(client.call("Evil<script>Action" + System.nanoTime(), Map.of()).code())
                    .isEqualTo("InvalidAction.NotFound");
            clock.advance(java.time.Duration.ofSeconds(10));
            assertThat(client.call("AddVodDomain", Map.of("DomainName", "metrics.example.com", "Sources",
                    "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]")).status())
                    .isEqualTo(200);

            String text = metrics(server);

            assertThat(value(text, "vodcert_api_requests_total{action=\"DescribeVodDomainCertificateInfo\","
                    + "code=\"InvalidDomain.NotFound\",status=\"404\"}")).isEqualTo(3);
            assertThat(value(text, "vodcert_api_requests_total{action=\"DescribeVodDomainCertificateInfo\","
                    + "code=\"Throttling.User\",status=\"400\"}")).isEqualTo(1);
            assertThat(value(text, "vodcert_api_requests_total{action=\"unknown\",code=\"InvalidAction.NotFound\","
                    + "status=\"404\"}")).isEqualTo(1);
            assertThat(value(text, "vodcert_api_requests_total{action=\"AddVodDomain\",code=\"\",status=\"200\"}"))
                    .isEqualTo(1);
            assertThat(text).doesNotContain("Evil");
            assertThat(value(text, "vodcert_api_throttled_total")).isEqualTo(1);
            assertThat(value(text, "vodcert_api_request_seconds_count{action=\"DescribeVodDomainCertificateInfo\"}"))
                    .isEqualTo(4);
            assertThat(text).contains("vodcert_api_request_seconds_bucket{action=\"AddVodDomain\",le=\"0.05\"}");
            assertThat(text).contains("vodcert_api_queue_rejected_total");
            assertThat(value(text, "vodcert_api_requests_in_flight")).isEqualTo(0);
            assertThat(text).contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads")
                    .contains("jvm_gc_").contains("process_uptime_seconds");
        }
    }

    private static String metrics(TestServer server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.app().adminPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as(series + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}

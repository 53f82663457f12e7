package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.account.NewAccessKey;
import dev.vodcert.server.Limits;
import dev.vodcert.testing.TestClock;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Throttling over HTTP, time driven by a test clock: {@code Throttling.User} (HTTP 400, the spec's
 * message) once a caller's bucket is empty, other callers unaffected, the bucket refilled by time;
 * the preset counts per account and action; and no throttling at all by default.
 */
class ThrottlingTest {
    private static final Map<String, String> DOMAIN = Map.of("DomainName", "nothing.throttle-test.com");

    private static Answer call(SignedClient client) {
        return client.call("DescribeVodDomainCertificateInfo", DOMAIN);
    }

    private static void assertThrottled(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("Throttling.User");
        assertThat(a.json().path("Message").asText()).startsWith("Request was denied due to user flow control.");
    }

    private static void assertServed(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(404);
        assertThat(a.code()).isEqualTo("InvalidDomain.NotFound");
    }

    @Test
    void perAccessKeyBucketRefusesOverTheRateAndRefillsWithTime() {
        TestClock clock = TestClock.atNow();
        try (TestServer server = new TestServer(clock, c -> c.withLimits(Limits.defaults().withThrottle("2/3")))) {
            SignedClient mine = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            NewAccessKey other = server.otherKey();
            SignedClient theirs = new SignedClient(server.port(), other.accessKeyId(), other.accessKeySecret());
            for (int i = 0; i < 3; i++) {
                assertServed(call(mine));
            }
            Answer refused = call(mine);
            assertThrottled(refused);
            assertThat(refused.json().path("Message").asText())
                    .endsWith("The limit is 2 requests per second per AccessKey, bursts of up to 3.");
            assertServed(call(theirs));

            clock.advance(Duration.ofMillis(500));
            assertServed(call(mine));
            assertThrottled(call(mine));
            clock.advance(Duration.ofSeconds(10));
            for (int i = 0; i < 3; i++) {
                assertServed(call(mine));
            }
        }
    }

    @Test
    void aThrottledRequestIsNotRun() {
        TestClock clock = TestClock.atNow();
        try (TestServer server = new TestServer(clock, c -> c.withLimits(Limits.defaults().withThrottle("1/1")))) {
            SignedClient client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            assertServed(call(client));
            Answer refused = client.call("AddVodDomain", Map.of("DomainName", "throttled.example.com",
                    "Sources", ApiTestBase.SOURCES));
            assertThrottled(refused);
            clock.advance(Duration.ofSeconds(1));
            assertServed(client.call("DescribeVodDomainDetail", Map.of("DomainName", "throttled.example.com")));
        }
    }

    @Test
    void presetCountsPerAccountAndAction() {
        TestClock clock = TestClock.atNow();
        try (TestServer server = new TestServer(clock, c -> c.withLimits(Limits.defaults().withThrottle(Limits.PRESET)))) {
            NewAccessKey secondKey = server.app().accessKeys().create(
                    server.app().accessKeys().account("default"));
            SignedClient first = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            SignedClient second = new SignedClient(server.port(), secondKey.accessKeyId(), secondKey.accessKeySecret());
            for (int i = 0; i < Limits.PRESET_RATE; i++) {
                assertServed(call(i % 2 == 0 ? first : second));
            }
            Answer refused = call(second);
            assertThrottled(refused);
            assertThat(refused.json().path("Message").asText()).endsWith("The limit is 30 requests per second per"
                    + " account for DescribeVodDomainCertificateInfo, bursts of up to 30.");
            assertServed(first.call("DescribeVodDomainDetail", DOMAIN));
            NewAccessKey other = server.otherKey();
            assertServed(call(new SignedClient(server.port(), other.accessKeyId(), other.accessKeySecret())));
            clock.advance(Duration.ofSeconds(1));
            assertServed(call(first));
        }
    }

    @Test
    void notThrottledByDefault() {
        try (TestServer server = new TestServer()) {
            SignedClient client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            for (int i = 0; i < 200; i++) {
                assertServed(call(client));
            }
        }
    }
}

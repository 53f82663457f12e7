package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rate limiter's reservations against the order table (in-memory H2). */
class RateLimiterTest {
    private static DnsTestServer dns;
    private final LifecycleFixture f = new LifecycleFixture(new TestClock(Instant.parse("2026-01-01T00:00:00Z")));

    @BeforeAll
    static void startDns() {
        dns = new DnsTestServer();
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private RateLimiter limiter(RateLimits limits) {
        return new RateLimiter(f.orders, limits);
    }

    @Test
    void withinBudgetAnOrderIsNowAndBeyondItQueuesInOrderWithoutEverOverfillingAWindow() {
        RateLimiter limiter = limiter(new RateLimits(3, Duration.ofHours(1), 0, Duration.ofDays(7)));
        Instant now = f.clock.instant();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.reserve(i, "a" + i + ".com", true, now)).isEqualTo(new RateLimiter.Decision(now, true));
        }
        RateLimiter.Decision fourth = limiter.reserve(4, "d.com", true, now);
        RateLimiter.Decision fifth = limiter.reserve(5, "e.com", true, now.plusSeconds(10));
        assertThat(fourth).isEqualTo(new RateLimiter.Decision(now.plus(Duration.ofHours(1)), true));
        assertThat(fifth.at()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(limiter.reserve(6, "f.com", true, now.plusSeconds(20)).at()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(limiter.reserve(7, "g.com", true, now.plusSeconds(30)).at()).isEqualTo(now.plus(Duration.ofHours(2)));
    }

    @Test
    void aRegisteredDomainOverItsLimitWaitsWithoutTakingAnAccountSlot() {
        RateLimiter limiter = limiter(new RateLimits(100, Duration.ofHours(3), 2, Duration.ofDays(7)));
        Instant now = f.clock.instant();
        limiter.reserve(1, "example.com", true, now);
        limiter.reserve(2, "example.com", true, now);
        RateLimiter.Decision third = limiter.reserve(3, "example.com", true, now);
        assertThat(third).isEqualTo(new RateLimiter.Decision(now.plus(Duration.ofDays(7)), false));
        assertThat(limiter.reserve(4, "other.com", true, now)).as("nobody else is held up")
                .isEqualTo(new RateLimiter.Decision(now, true));
        assertThat(limiter.reserve(5, "example.com", false, now)).as("renewals are exempt")
                .isEqualTo(new RateLimiter.Decision(now, true));
        assertThat(f.orders.times(0)).hasSize(4);
    }

    @Test
    void noLimitsMeansAlwaysNow() {
        RateLimiter limiter = limiter(RateLimits.NONE);
        Instant now = f.clock.instant();
        for (int i = 0; i < 500; i++) {
            assertThat(limiter.reserve(i, "example.com", true, now).at()).isEqualTo(now);
        }
    }

    @Test
    void sweepingForgetsOnlyOrdersNoWindowCounts() {
        RateLimiter limiter = limiter(RateLimits.LETS_ENCRYPT);
        Instant start = f.clock.instant();
        limiter.reserve(1, "example.com", true, start);
        limiter.reserve(2, "example.com", true, start.plus(Duration.ofDays(2)));
        limiter.sweep(start.plus(Duration.ofDays(7)).plusMillis(1));
        assertThat(f.orders.times(0)).containsExactly(start.plus(Duration.ofDays(2)).toEpochMilli());
    }

    @Test
    void aQueuedDomainKeepsItsStatusAndComesBackAtItsSlot() {
        var domain = f.addDomain("queued.lifecycle-test.com");
        var other = f.addDomain("first.lifecycle-test.com");
        dns.setCname(domain.domainName(), domain.cname());
        dns.setCname(other.domainName(), other.cname());
        Lifecycle node = f.node("node-a", DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), f.localCa(),
                new RateLimits(1, Duration.ofHours(3), 0, Duration.ofDays(7)));
        f.service().request(other);
        node.runOnce();
        assertThat(f.row(other).status()).isEqualTo(FreeCertStatus.SUCCESS);

        f.service().request(domain);
        node.runOnce();
        FreeCertificate queued = f.row(domain);
        assertThat(queued.status()).isEqualTo(FreeCertStatus.CHECKING);
        assertThat(queued.nextAttemptAt()).isEqualTo(f.clock.millis() + Duration.ofHours(3).toMillis());
        assertThat(queued.orderReservedAt()).isEqualTo(queued.nextAttemptAt());
        assertThat(queued.lastError()).startsWith("queued by the rate limit until");

        f.clock.set(Instant.ofEpochMilli(queued.nextAttemptAt()));
        node.runOnce();
        assertThat(f.row(domain).status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(f.orders.times(0)).as("the reserved slot was used, not a second one").hasSize(2);
    }
}

package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vodcert.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token bucket: a burst, then refusals, refilled by the clock; buckets shared only as the scope says. */
class TokenBucketThrottleTest {
    private final TestClock clock = TestClock.atNow();
    private final Principal alice = new Principal(1, "alice-key");
    private final Principal alice2 = new Principal(1, "alice-second-key");
    private final Principal bob = new Principal(2, "bob-key");

    @Test
    void burstThenThrottlingUserThenRefillByTheClock() {
        Throttle throttle = new TokenBucketThrottle(TokenBucketThrottle.Scope.ACCESS_KEY, 5, 10, clock);
        for (int i = 0; i < 10; i++) {
            throttle.acquire(alice, "A");
        }
        ApiException refused = catchThrowableOfType(ApiException.class, () -> throttle.acquire(alice, "A"));
        assertThat(refused.code()).isEqualTo("Throttling.User");
        assertThat(refused.httpStatus()).isEqualTo(400);
        assertThat(refused.getMessage()).isEqualTo("Request was denied due to user flow control. The limit is 5"
                + " requests per second per AccessKey, bursts of up to 10.");

        clock.advance(Duration.ofMillis(199));
        assertThat(catchThrowableOfType(ApiException.class, () -> throttle.acquire(alice, "A"))).isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThatNoException().isThrownBy(() -> throttle.acquire(alice, "A"));
        assertThat(catchThrowableOfType(ApiException.class, () -> throttle.acquire(alice, "A"))).isNotNull();

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            throttle.acquire(alice, "A");
        }
        assertThat(catchThrowableOfType(ApiException.class, () -> throttle.acquire(alice, "A"))).isNotNull();
    }

    @Test
    void perAccessKeyScopeSharesNothingBetweenKeysAndCountsAllActionsTogether() {
        Throttle throttle = new TokenBucketThrottle(TokenBucketThrottle.Scope.ACCESS_KEY, 1, 2, clock);
        throttle.acquire(alice, "A");
        throttle.acquire(alice, "B");
        assertThat(catchThrowableOfType(ApiException.class, () -> throttle.acquire(alice, "C"))).isNotNull();
        throttle.acquire(alice2, "A");
        throttle.acquire(bob, "A");
    }

    @Test
    void perAccountAndActionScopeSharesAcrossAnAccountsKeysButNotAcrossActions() {
        Throttle throttle = new TokenBucketThrottle(TokenBucketThrottle.Scope.ACCOUNT_AND_ACTION, 30, 30, clock);
        for (int i = 0; i < 15; i++) {
            throttle.acquire(alice, "DescribeVodDomainDetail");
            throttle.acquire(alice2, "DescribeVodDomainDetail");
        }
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> throttle.acquire(alice2, "DescribeVodDomainDetail"));
        assertThat(refused.code()).isEqualTo("Throttling.User");
        assertThat(refused.getMessage()).endsWith("The limit is 30 requests per second per account for"
                + " DescribeVodDomainDetail, bursts of up to 30.");
        throttle.acquire(alice, "SetVodDomainCertificate");
        throttle.acquire(bob, "DescribeVodDomainDetail");
    }

    @Test
    void fractionalRatesRefillInProportion() {
        Throttle throttle = new TokenBucketThrottle(TokenBucketThrottle.Scope.ACCESS_KEY, 0.5, 1, clock);
        throttle.acquire(alice, "A");
        clock.advance(Duration.ofMillis(1999));
        assertThat(catchThrowableOfType(ApiException.class, () -> throttle.acquire(alice, "A")).getMessage())
                .contains("The limit is 0.5 requests per second");
        clock.advance(Duration.ofMillis(1));
        throttle.acquire(alice, "A");
    }

    @Test
    void aClockGoingBackwardsNeitherRefillsNorBreaks() {
        Throttle throttle = new TokenBucketThrottle(TokenBucketThrottle.Scope.ACCESS_KEY, 1, 1, clock);
        throttle.acquire(alice, "A");
        clock.advance(Duration.ofSeconds(-30));
        assertThat(catchThrowableOfType(ApiException.class, () -> throttle.acquire(alice, "A"))).isNotNull();
        clock.advance(Duration.ofSeconds(31));
        throttle.acquire(alice, "A");
    }
}

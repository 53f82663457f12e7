package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.Principal;
import dev.vodcert.protocol.Throttle;
import dev.vodcert.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The overload settings: throttling off by default, the preset, RATE[/BURST], and checked values. */
class LimitsTest {
    private final TestClock clock = TestClock.atNow();

    @Test
    void defaultsDoNotThrottle() {
        Limits limits = Limits.defaults().validate();
        assertThat(limits.throttle()).isEqualTo("off");
        assertThat(limits.throttle(clock)).isSameAs(Throttle.NONE);
        assertThat(limits.maxActiveRequests()).isEqualTo(Math.max(16, 8 * Runtime.getRuntime().availableProcessors()));
        assertThat(limits.maxQueuedRequests()).isEqualTo(1024);
        assertThat(limits.maxQueueWait()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void presetIsThirtyPerSecondPerAccountAndAction() {
        Throttle preset = Limits.defaults().withThrottle("preset").validate().throttle(clock);
        Principal key1 = new Principal(7, "k1");
        Principal key2 = new Principal(7, "k2");
        for (int i = 0; i < 30; i++) {
            preset.acquire(i % 2 == 0 ? key1 : key2, "DescribeVodDomainDetail");
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> preset.acquire(key1, "DescribeVodDomainDetail")).code()).isEqualTo("Throttling.User");
        preset.acquire(key1, "DescribeVodDomainCertificateInfo");
        clock.advance(Duration.ofSeconds(1));
        preset.acquire(key1, "DescribeVodDomainDetail");
    }

    @Test
    void rateAndBurstPerAccessKey() {
        Throttle throttle = Limits.defaults().withThrottle("2/3").validate().throttle(clock);
        Principal key = new Principal(1, "k");
        for (int i = 0; i < 3; i++) {
            throttle.acquire(key, "A");
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> throttle.acquire(key, "B")).getMessage()).contains("2 requests per second per AccessKey, bursts of up to 3");
        assertThat(Limits.defaults().withThrottle("2.5").throttle(clock).toString()).contains("2.5/s, burst 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "on", "0", "-1", "5/0", "1/", "/5", "abc/2", "1e9", "PRESET"})
    void badThrottleIsRefusedNamingTheSetting(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withThrottle(value).validate())
                .withMessageStartingWith("--throttle must be off, preset or RATE[/BURST]");
    }

    @Test
    void badQueueSettingsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withQueue(0, 1, Duration.ofSeconds(1))
                .validate()).withMessageContaining("--max-active-requests");
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withQueue(1, 1, Duration.ZERO)
                .validate()).withMessageContaining("--max-queue-wait-ms");
    }
}

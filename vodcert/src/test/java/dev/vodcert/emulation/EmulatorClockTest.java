package dev.vodcert.emulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The emulated clock runs with its base, moves only forward, and tells its listeners. */
class EmulatorClockTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void advancingMovesTimeAndTellsTheListeners() {
        EmulatorClock clock = new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));
        AtomicInteger told = new AtomicInteger();
        clock.onAdvance(told::incrementAndGet);
        assertThat(clock.advance(Duration.ofDays(61))).isEqualTo(T0.plus(Duration.ofDays(61)));
        assertThat(clock.millis()).isEqualTo(T0.plus(Duration.ofDays(61)).toEpochMilli());
        assertThat(clock.advanceTo(T0.plus(Duration.ofDays(90)))).isEqualTo(T0.plus(Duration.ofDays(90)));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(90));
        assertThat(told).hasValue(2);
    }

    @Test
    void timeNeverGoesBack() {
        EmulatorClock clock = new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advanceTo(T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void theServeSwitchesReadResolverAndSystemAsOff() {
        assertThat(EmulationConfig.of("resolver", "system").any()).isFalse();
        assertThat(EmulationConfig.of("emulated", "system")).isEqualTo(new EmulationConfig(true, false));
        assertThat(EmulationConfig.of("EMULATED", "emulated")).isEqualTo(EmulationConfig.ALL);
        assertThatThrownBy(() -> EmulationConfig.of("fake", "system")).hasMessageContaining("--dns must be");
    }
}

package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Nonces are refused while remembered, per AccessKey, and forgotten once their time has passed. */
class InMemoryNonceGuardTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final InMemoryNonceGuard guard = new InMemoryNonceGuard(clock);
    private final Instant keepUntil = clock.now.plus(Duration.ofMinutes(15));

    @Test
    void aNonceIsRefusedTheSecondTimeForTheSameKeyOnly() {
        assertThat(guard.firstUse("key-a", "n-1", keepUntil)).isTrue();
        assertThat(guard.firstUse("key-a", "n-1", keepUntil)).isFalse();
        assertThat(guard.firstUse("key-b", "n-1", keepUntil)).isTrue();
        assertThat(guard.firstUse("key-a", "n-2", keepUntil)).isTrue();
        assertThat(guard.firstUse("key-a\nn", "-1", keepUntil)).isTrue();
    }

    @Test
    void aNonceIsRefusedUntilItsTimeHasPassedThenForgotten() {
        assertThat(guard.firstUse("key-a", "n-1", keepUntil)).isTrue();
        clock.now = keepUntil.minusMillis(1);
        assertThat(guard.firstUse("key-a", "n-1", keepUntil)).isFalse();
        clock.now = keepUntil.plusMillis(InMemoryNonceGuard.BUCKET_MILLIS);
        guard.sweep();
        assertThat(guard.size()).isZero();
        assertThat(guard.firstUse("key-a", "n-1", clock.now.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void aNonceRemembersItsOwnTimeNotTheLatest() {
        assertThat(guard.firstUse("key-a", "early", clock.now.plus(Duration.ofMinutes(2)))).isTrue();
        assertThat(guard.firstUse("key-a", "late", clock.now.plus(Duration.ofMinutes(30)))).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(guard.firstUse("key-a", "late", keepUntil)).isFalse();
        assertThat(guard.firstUse("key-a", "early", keepUntil)).isTrue();
    }

    @Test
    void holdsManyNoncesWithoutForgettingOrConfusingAny() {
        int count = 300_000;
        for (int i = 0; i < count; i++) {
            assertThat(guard.firstUse("key-a", "nonce-" + i, keepUntil.plusSeconds(i % 600))).isTrue();
        }
        assertThat(guard.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            assertThat(guard.firstUse("key-a", "nonce-" + i, keepUntil)).isFalse();
        }
        assertThat(guard.size()).isEqualTo(count);
    }
}

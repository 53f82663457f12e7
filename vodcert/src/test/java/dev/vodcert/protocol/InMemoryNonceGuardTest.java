package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The nonce guard: a nonce is refused for as long as its request could pass and forgotten after,
 * per AccessKey, correctly under concurrency, and in about 16 bytes a nonce, so that memory stays
 * small at any request rate (it used to be a string per nonce in a map, about 150 bytes).
 */
class InMemoryNonceGuardTest {
    private final TestClock clock = TestClock.atNow();
    private final InMemoryNonceGuard guard = new InMemoryNonceGuard(clock);

    private Instant until() {
        return clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(1);
    }

    @Test
    void aNonceIsRefusedUntilItsTimeHasPassedThenForgotten() {
        Instant keepUntil = until();
        assertThat(guard.firstUse("key", "n1", keepUntil)).isTrue();
        assertThat(guard.firstUse("key", "n1", keepUntil)).isFalse();
        clock.set(keepUntil);
        assertThat(guard.firstUse("key", "n1", until())).as("kept at least until keepUntil").isFalse();
        guard.sweep();
        assertThat(guard.size()).isEqualTo(1);
        clock.set(keepUntil.plusSeconds(61));
        guard.sweep();
        assertThat(guard.size()).as("forgotten within a minute after keepUntil").isZero();
        assertThat(guard.firstUse("key", "n1", until())).isTrue();
    }

    @Test
    void noncesBelongToTheirKeyAndTheBoundaryBetweenIdAndNonceIsNotAmbiguous() {
        assertThat(guard.firstUse("key-a", "n", until())).isTrue();
        assertThat(guard.firstUse("key-b", "n", until())).isTrue();
        assertThat(guard.firstUse("ab", "c", until())).isTrue();
        assertThat(guard.firstUse("a", "bc", until())).isTrue();
        assertThat(guard.firstUse("key-a", "n", until())).isFalse();
    }

    @Test
    void concurrentUsesOfDistinctNoncesAllPassAndEachRepeatIsRefused() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                int accepted = 0;
                for (int i = 0; i < 5_000; i++) {
                    if (guard.firstUse("key", thread + "-" + i, until())) {
                        accepted++;
                    }
                    if (guard.firstUse("key", thread + "-" + i, until())) {
                        accepted += 1_000_000;
                    }
                }
                return accepted;
            }));
        }
        for (Future<Integer> f : results) {
            assertThat(f.get()).isEqualTo(5_000);
        }
        pool.shutdown();
        assertThat(guard.size()).isEqualTo(40_000);
    }

    @Test
    void aMillionNoncesTakeAboutSixteenBytesEach() {
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(guard.firstUse("LTAI5tAbCdEfGhIjKlMnOpQr", UUID.randomUUID().toString(), until())).isTrue();
        }
        assertThat(guard.size()).isEqualTo(1_000_000);
        assertThat(guard.bytes() / 1_000_000.0).as("bytes per nonce").isLessThanOrEqualTo(32);
    }
}

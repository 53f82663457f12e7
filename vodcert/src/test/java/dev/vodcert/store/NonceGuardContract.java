package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DatabaseNonceGuard} on each supported database: a nonce passes once per AccessKey, even
 * when racing; an expired one may pass again; sweeps delete expired rows only, in bounded batches.
 * Time is a settable clock. Run by {@link H2NonceGuardTest} and {@link PostgresNonceGuardTest}.
 */
abstract class NonceGuardContract {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    Database db;
    TestClock clock;
    DatabaseNonceGuard guard;

    abstract Database openFresh();

    @BeforeEach
    void open() {
        db = openFresh();
        clock = new TestClock(T0);
        guard = new DatabaseNonceGuard(db.jdbi(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNonceIsUsedOncePerAccessKey() {
        Instant until = T0.plus(Duration.ofMinutes(15));
        assertThat(guard.firstUse("key1", "n-1", until)).isTrue();
        assertThat(guard.firstUse("key1", "n-1", until)).isFalse();
        assertThat(guard.firstUse("key2", "n-1", until)).isTrue();
        assertThat(guard.firstUse("key1", "n-2", until)).isTrue();
    }

    @Test
    void aSecondGuardOnTheSameDatabaseRefusesTheNonce() {
        DatabaseNonceGuard otherNode = new DatabaseNonceGuard(db.jdbi(), clock);
        assertThat(guard.firstUse("key1", "shared", T0.plusSeconds(60))).isTrue();
        assertThat(otherNode.firstUse("key1", "shared", T0.plusSeconds(60))).isFalse();
    }

    @Test
    void noncesOfAnyLengthAndCharactersFit() {
        String longNonce = "ñ-" + "x".repeat(10_000);
        assertThat(guard.firstUse("key1", longNonce, T0.plusSeconds(60))).isTrue();
        assertThat(guard.firstUse("key1", longNonce, T0.plusSeconds(60))).isFalse();
        assertThat(guard.firstUse("key1", longNonce + "y", T0.plusSeconds(60))).isTrue();
    }

    @Test
    void anExpiredNonceMayBeUsedAgainOnceMore() {
        assertThat(guard.firstUse("key1", "n", T0.plusSeconds(60))).isTrue();
        clock.set(T0.plusSeconds(60));
        assertThat(guard.firstUse("key1", "n", T0.plusSeconds(120))).as("not yet past").isFalse();
        clock.set(T0.plusSeconds(61));
        assertThat(guard.firstUse("key1", "n", T0.plusSeconds(200))).isTrue();
        assertThat(guard.firstUse("key1", "n", T0.plusSeconds(200))).isFalse();
    }

    @Test
    void racingUsesOfOneNonceLetExactlyOneThrough() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return guard.firstUse("key1", "race", T0.plusSeconds(60));
                }));
            }
            go.countDown();
            int passed = 0;
            for (Future<Boolean> r : results) {
                passed += r.get() ? 1 : 0;
            }
            assertThat(passed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sweepsDeleteOnlyExpiredRowsInBoundedBatches() {
        int expired = DatabaseNonceGuard.SWEEP_BATCH + 5;
        db.jdbi().useHandle(h -> {
            var batch = h.prepareBatch("INSERT INTO signature_nonce (access_key_id, nonce_sha256, expires_at) "
                    + "VALUES (:k, :n, :t)");
            for (int i = 0; i < expired; i++) {
                batch.bind("k", "key1").bind("n", String.format("%064d", i)).bind("t", T0.toEpochMilli() + i).add();
            }
            batch.execute();
        });
        guard.firstUse("key1", "live", T0.plus(Duration.ofDays(1)));
        clock.set(T0.plus(Duration.ofHours(1)));

        assertThat(guard.sweep()).isEqualTo(DatabaseNonceGuard.SWEEP_BATCH);
        assertThat(guard.size()).isEqualTo(6);
        assertThat(guard.sweepExpired()).isEqualTo(5);
        assertThat(guard.size()).isEqualTo(1);
        assertThat(guard.sweepExpired()).isZero();
        assertThat(guard.firstUse("key1", "live", T0.plus(Duration.ofDays(1)))).isFalse();
    }

}

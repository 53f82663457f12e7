package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Background passes run every task, survive a failing one, and pause while the database is down. */
class HousekeepingTest {

    @Test
    void aPassRunsEveryTaskEvenAfterOneFails() {
        List<String> ran = new ArrayList<>();
        try (Housekeeping housekeeping = new Housekeeping(() -> true)) {
            housekeeping.every("first", Duration.ofDays(1), () -> ran.add("first"));
            housekeeping.every("broken", Duration.ofDays(1), () -> {
                throw new IllegalStateException("boom");
            });
            housekeeping.every("last", Duration.ofDays(1), () -> ran.add("last"));
            assertThat(housekeeping.runOnce()).isTrue();
            assertThat(housekeeping.runOnce()).isTrue();
        }
        assertThat(ran).containsExactly("first", "last", "first", "last");
    }

    @Test
    void passesPauseWhileTheDatabaseIsDownAndResumeWhenItAnswers() {
        AtomicBoolean up = new AtomicBoolean(false);
        List<String> ran = new ArrayList<>();
        try (Housekeeping housekeeping = new Housekeeping(up::get)) {
            housekeeping.every("task", Duration.ofDays(1), () -> ran.add("task"));
            assertThat(housekeeping.runOnce()).isFalse();
            assertThat(housekeeping.isPaused()).isTrue();
            assertThat(ran).isEmpty();
            up.set(true);
            assertThat(housekeeping.runOnce()).isTrue();
            assertThat(housekeeping.isPaused()).isFalse();
            assertThat(ran).containsExactly("task");
        }
    }
}

package dev.vodcert.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.Executable;

/**
 * The time one fuzz input may take, {@value #SECONDS} seconds. In the default suite (regression
 * mode, the seeds only) each input runs under JUnit's preemptive timeout, so a hang fails the test
 * instead of stalling the build; while fuzzing ({@code JAZZER_FUZZ} set) the target runs directly
 * and libFuzzer's {@code -timeout} (set by scripts/fuzz.sh) reports a hang as a finding. JUnit's
 * {@code @Timeout} cannot be used: while fuzzing it would bound the whole campaign.
 */
public final class FuzzBudget {
    public static final int SECONDS = 10;
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null
            && !System.getenv("JAZZER_FUZZ").isEmpty();

    private FuzzBudget() {
    }

    public static void run(Executable target) throws Throwable {
        if (FUZZING) {
            target.execute();
        } else {
            assertTimeoutPreemptively(Duration.ofSeconds(SECONDS), target);
        }
    }
}

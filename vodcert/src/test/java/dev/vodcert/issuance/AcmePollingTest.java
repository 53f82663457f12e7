package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vodcert.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Status;

/** The bounded wait: back-off, the CA's Retry-After, the deadline, and a clock that does not move. */
class AcmePollingTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Set<Status> DONE = Set.of(Status.VALID, Status.INVALID);

    /** A resource whose statuses and Retry-After answers are scripted; after the script it stays put. */
    static final class Scripted implements PollableResource {
        final Deque<Status> statuses;
        final Deque<Optional<Instant>> retryAfters = new ArrayDeque<>();
        Status current;
        int fetches;

        Scripted(Status first, Status... next) {
            current = first;
            statuses = new ArrayDeque<>(List.of(next));
        }

        @Override
        public Status getStatus() {
            return current;
        }

        @Override
        public Optional<Instant> fetch() {
            fetches++;
            if (!statuses.isEmpty()) {
                current = statuses.poll();
            }
            return retryAfters.isEmpty() ? Optional.empty() : retryAfters.poll();
        }
    }

    /** A sleeper that moves the test clock by what it sleeps, unless frozen. */
    static final class SimulatedTime implements AcmePolling.Sleeper {
        final TestClock clock = new TestClock(T0);
        final List<Duration> sleeps = new ArrayList<>();
        boolean frozen;

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            if (!frozen) {
                clock.advance(duration);
            }
        }
    }

    final SimulatedTime time = new SimulatedTime();
    final AcmePolling polling = new AcmePolling(time.clock, time);

    @Test
    void aResourceAlreadyDoneIsNotPolled() throws Exception {
        Scripted valid = new Scripted(Status.VALID);

        assertThat(polling.await(valid, DONE, T0.plusSeconds(60), "x")).isEqualTo(Status.VALID);
        assertThat(valid.fetches).isZero();
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void waitsBackOffDoublingUntilTheStatusArrives() throws Exception {
        Scripted challenge = new Scripted(Status.PENDING, Status.PROCESSING, Status.PROCESSING, Status.INVALID);

        assertThat(polling.await(challenge, DONE, T0.plusSeconds(60), "x")).isEqualTo(Status.INVALID);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void followsTheCasRetryAfterWithinBounds() throws Exception {
        Scripted order = new Scripted(Status.PROCESSING, Status.PROCESSING, Status.PROCESSING, Status.VALID);
        order.retryAfters.add(Optional.of(T0.plusMillis(250 + 2_000))); // after the first 250 ms wait: 2 s more
        order.retryAfters.add(Optional.of(T0.plusSeconds(3_600)));      // an hour: capped

        assertThat(polling.await(order, DONE, T0.plusSeconds(600), "x")).isEqualTo(Status.VALID);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(250), Duration.ofSeconds(2),
                Duration.ofMillis(AcmePolling.MAX_WAIT_MILLIS));
    }

    @Test
    void givesUpAtTheDeadlineNamingWhatItWaitedForAndTheLastStatus() {
        Scripted stuck = new Scripted(Status.PENDING);

        IssuanceFailure failure = catchThrowableOfType(IssuanceFailure.class,
                () -> polling.await(stuck, DONE, T0.plusSeconds(30), "the HTTP-01 validation of a.example.com"));

        assertThat(failure.getMessage()).isEqualTo("gave up waiting for the HTTP-01 validation of a.example.com at"
                + " the order deadline; its status was still pending");
        assertThat(time.clock.instant()).isEqualTo(T0.plusSeconds(30));
        assertThat(time.sleeps).allMatch(d -> d.compareTo(Duration.ofMillis(AcmePolling.MAX_WAIT_MILLIS)) <= 0);
    }

    @Test
    void aClockThatDoesNotMoveStillEndsAtTheDeadlineByTheTimeSlept() {
        time.frozen = true;
        Scripted stuck = new Scripted(Status.PROCESSING);

        IssuanceFailure failure = catchThrowableOfType(IssuanceFailure.class,
                () -> polling.await(stuck, DONE, T0.plusSeconds(30), "the certificate"));

        assertThat(failure).isNotNull();
        assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(30));
        assertThat(stuck.fetches).isLessThan(30_000 / (int) AcmePolling.MIN_WAIT_MILLIS);
    }
}

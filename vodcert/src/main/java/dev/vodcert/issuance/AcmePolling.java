package dev.vodcert.issuance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeException;

/**
 * Waits for an ACME resource (challenge, order) to reach a wanted status, never past a deadline.
 * Between polls it waits what the CA's {@code Retry-After} says, else {@value #FIRST_WAIT_MILLIS} ms
 * doubling up to {@value #MAX_WAIT_MILLIS} ms; never less than {@value #MIN_WAIT_MILLIS} ms. Time
 * comes from the injected {@link Clock}, waiting from the injected {@link Sleeper}; the time slept
 * counts toward the deadline too, so a clock that does not move cannot make the wait endless.
 */
final class AcmePolling {
    static final long FIRST_WAIT_MILLIS = 250;
    static final long MIN_WAIT_MILLIS = 100;
    static final long MAX_WAIT_MILLIS = 5_000;

    /** Waits; {@link #REAL} sleeps the thread. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;

    AcmePolling(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * @param what names the awaited thing for the failure message, e.g. "the HTTP-01 validation of a.example.com"
     * @return the status reached, one of {@code done}
     * @throws IssuanceFailure when the deadline passes first
     */
    Status await(PollableResource resource, Set<Status> done, Instant deadline, String what)
            throws AcmeException, InterruptedException, IssuanceFailure {
        Instant start = clock.instant();
        Duration slept = Duration.ZERO;
        Duration backoff = Duration.ofMillis(FIRST_WAIT_MILLIS);
        Optional<Instant> retryAfter = Optional.empty();
        while (true) {
            Status status = resource.getStatus();
            if (done.contains(status)) {
                return status;
            }
            Instant clockNow = clock.instant();
            Instant now = later(clockNow, start.plus(slept));
            if (!now.isBefore(deadline)) {
                throw new IssuanceFailure("gave up waiting for " + what + " at the order deadline; its status was still "
                        + status.name().toLowerCase(Locale.ROOT));
            }
            Duration pause = retryAfter.map(at -> Duration.between(clockNow, at)).orElse(backoff);
            pause = clamp(pause, Duration.ofMillis(MIN_WAIT_MILLIS), Duration.ofMillis(MAX_WAIT_MILLIS));
            pause = shorter(pause, Duration.between(now, deadline));
            sleeper.sleep(pause);
            slept = slept.plus(pause);
            backoff = shorter(backoff.multipliedBy(2), Duration.ofMillis(MAX_WAIT_MILLIS));
            retryAfter = resource.fetch();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : shorter(value, max);
    }
}

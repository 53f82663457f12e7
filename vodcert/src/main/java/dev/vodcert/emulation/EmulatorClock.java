package dev.vodcert.emulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the base clock (the system's by default) plus an offset that only grows:
 * {@link #advance(Duration)} moves it forward at once, so that a test sees a certificate expire or
 * come due for renewal without waiting months. Time never goes back (a lease, a rate-limit window or
 * a renewal time written under the later time would otherwise lie in the future). Listeners run after
 * each move, on the caller's thread; the emulation uses one to wake the free-certificate lifecycle.
 * Thread-safe.
 */
public final class EmulatorClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    /** Runs with the system's UTC clock. */
    public static EmulatorClock ofSystem() {
        return new EmulatorClock(Clock.systemUTC());
    }

    /**
     * Moves the clock forward by {@code by} (zero or more) and tells the listeners.
     *
     * @return the time after the move
     * @throws IllegalArgumentException when {@code by} is negative
     */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the emulated clock only moves forward; got " + by);
        }
        offset.updateAndGet(o -> o.plus(by));
        listeners.forEach(Runnable::run);
        return instant();
    }

    /** Moves the clock forward to {@code at}; a time already passed is refused like a negative advance. */
    public Instant advanceTo(Instant at) {
        return advance(Duration.between(instant(), at));
    }

    /** How far ahead of the base clock this one is. */
    public Duration offset() {
        return offset.get();
    }

    /** {@code listener} runs after every move. */
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return base.millis() + offset.get().toMillis();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

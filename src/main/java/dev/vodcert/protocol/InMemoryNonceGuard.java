package dev.vodcert.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link NonceGuard} for one node: nonces in a concurrent map with their expiry, expired ones
 * swept every {@value #SWEEP_EVERY} uses. Lost on restart, which the timestamp window bounds: a
 * replay after a restart still needs a timestamp inside the window.
 */
public final class InMemoryNonceGuard implements NonceGuard {
    static final int SWEEP_EVERY = 65_536;

    private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicLong uses = new AtomicLong();
    private final Clock clock;

    public InMemoryNonceGuard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String accessKeyId, String nonce, Instant keepUntil) {
        if (uses.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        String key = accessKeyId + '\n' + nonce;
        long until = keepUntil.toEpochMilli();
        Long previous = seen.putIfAbsent(key, until);
        if (previous == null) {
            return true;
        }
        if (previous < clock.millis()) {
            return seen.replace(key, previous, until);
        }
        return false;
    }

    /** Forgets every nonce whose time has passed. */
    public void sweep() {
        long now = clock.millis();
        seen.values().removeIf(until -> until < now);
    }

    int size() {
        return seen.size();
    }
}

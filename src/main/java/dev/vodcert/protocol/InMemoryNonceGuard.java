package dev.vodcert.protocol;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link NonceGuard} for one node, small enough to remember every nonce of a busy window: each
 * nonce is kept as a 64-bit fingerprint of (AccessKeyId, nonce), keyed by a random per-process seed,
 * in the set of the minute its {@code keepUntil} falls in; a minute's set is dropped whole once that
 * minute has passed. About 16 bytes per nonce instead of some 150 for a map of strings: a node taking
 * 10,000 requests a second holds the 9 million nonces of a 15-minute window in about 150 MiB.
 *
 * <p>Two different nonces share a fingerprint with a chance of about n / 2<sup>64</sup> (below
 * 10<sup>-12</sup> per request with 9 million remembered); the newer is then refused as used. A nonce
 * is forgotten up to {@value #BUCKET_MILLIS} ms after its {@code keepUntil}, never before. Lost on
 * restart, which the timestamp window bounds: a replay after a restart still needs a timestamp
 * inside the window.
 */
public final class InMemoryNonceGuard implements NonceGuard {
    static final long BUCKET_MILLIS = 60_000;

    private final long seed = new SecureRandom().nextLong();
    private final TreeMap<Long, FingerprintSet> byMinute = new TreeMap<>();
    private final Clock clock;

    public InMemoryNonceGuard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String accessKeyId, String nonce, Instant keepUntil) {
        long fingerprint = fingerprint(accessKeyId, nonce);
        long bucket = Math.floorDiv(keepUntil.toEpochMilli() + BUCKET_MILLIS - 1, BUCKET_MILLIS);
        long now = clock.millis();
        synchronized (byMinute) {
            forgetBefore(now);
            for (FingerprintSet set : byMinute.values()) {
                if (set.contains(fingerprint)) {
                    return false;
                }
            }
            if (bucket * BUCKET_MILLIS >= now) {
                byMinute.computeIfAbsent(bucket, b -> new FingerprintSet()).add(fingerprint);
            }
            return true;
        }
    }

    /** Forgets every nonce whose time has passed. */
    public void sweep() {
        synchronized (byMinute) {
            forgetBefore(clock.millis());
        }
    }

    private void forgetBefore(long now) {
        for (Iterator<Map.Entry<Long, FingerprintSet>> it = byMinute.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getKey() * BUCKET_MILLIS >= now) {
                return;
            }
            it.remove();
        }
    }

    int size() {
        synchronized (byMinute) {
            return byMinute.values().stream().mapToInt(FingerprintSet::size).sum();
        }
    }

    /** FNV-1a over both strings (with a separator) from the seed, then a strong 64-bit finaliser. */
    private long fingerprint(String accessKeyId, String nonce) {
        long h = seed ^ 0xcbf29ce484222325L;
        h = mix(h, accessKeyId);
        h = (h ^ '\n') * 0x100000001b3L;
        h = mix(h, nonce);
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}

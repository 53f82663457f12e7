package dev.vodcert.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A {@link NonceGuard} for one node, small at any request rate: a used nonce is kept as a 64-bit
 * SipHash fingerprint of its AccessKeyId and value, in a set per minute of expiry, and a whole
 * minute is forgotten once it has passed. A nonce costs about 16 bytes (as a string in a map it
 * cost about 150), so memory is rate x window x 16 bytes: 3,000 requests per second over the
 * 15-minute window hold about 45 MB. The SipHash key is random per process, so no one can make two
 * nonces collide on purpose; an accidental collision (odds about n/2^64 with n nonces kept) would
 * refuse one honest request as a replay, never let a replay through. Alone it is lost on restart;
 * the service keeps a journal of its fingerprints ({@code server/NonceJournal}) to reload.
 */
public final class InMemoryNonceGuard implements NonceGuard {
    private static final long MINUTE = 60_000;

    private final Clock clock;
    private final SipHash sipHash = new SipHash();
    private final TreeMap<Long, LongSet> byExpiryMinute = new TreeMap<>();

    public InMemoryNonceGuard(Clock clock) {
        this(clock, randomKey());
    }

    /** With this 16-byte SipHash key: a guard that reloads fingerprints saved by an earlier process needs its key. */
    public InMemoryNonceGuard(Clock clock, byte[] sipHashKey) {
        this.clock = clock;
        sipHash.init(new KeyParameter(sipHashKey.clone()));
    }

    /** 16 random bytes, a SipHash key. */
    public static byte[] randomKey() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public boolean firstUse(String accessKeyId, String nonce, Instant keepUntil) {
        return firstUse(fingerprint(accessKeyId, nonce), expiryMinute(keepUntil));
    }

    /** As {@link #firstUse(String, String, Instant)} for a {@link #fingerprint} and an {@link #expiryMinute}. */
    public synchronized boolean firstUse(long fingerprint, long expiryMinute) {
        forgetBefore(clock.millis());
        for (LongSet minute : byExpiryMinute.values()) {
            if (minute.contains(fingerprint)) {
                return false;
            }
        }
        remember(fingerprint, expiryMinute);
        return true;
    }

    /** Keeps a fingerprint until the end of its minute (a reloaded one), unless that has passed. */
    public synchronized void remember(long fingerprint, long expiryMinute) {
        if (expiryMinute * MINUTE >= clock.millis()) {
            byExpiryMinute.computeIfAbsent(expiryMinute, m -> new LongSet()).add(fingerprint);
        }
    }

    /** The minute (since the epoch, rounded up) at whose end a nonce kept until {@code keepUntil} is forgotten. */
    public static long expiryMinute(Instant keepUntil) {
        return Math.floorDiv(keepUntil.toEpochMilli() + MINUTE - 1, MINUTE);
    }

    /** Forgets every nonce whose time has passed. */
    public synchronized void sweep() {
        forgetBefore(clock.millis());
    }

    private void forgetBefore(long now) {
        Iterator<Map.Entry<Long, LongSet>> minutes = byExpiryMinute.entrySet().iterator();
        while (minutes.hasNext() && minutes.next().getKey() * MINUTE < now) {
            minutes.remove();
        }
    }

    /** The 64-bit SipHash of the AccessKeyId and the nonce, under this guard's key. */
    public synchronized long fingerprint(String accessKeyId, String nonce) {
        byte[] id = accessKeyId.getBytes(StandardCharsets.UTF_8);
        byte[] value = nonce.getBytes(StandardCharsets.UTF_8);
        byte[] input = ByteBuffer.allocate(4 + id.length + value.length).putInt(id.length).put(id).put(value).array();
        sipHash.update(input, 0, input.length);
        return sipHash.doFinal();
    }

    synchronized int size() {
        return byExpiryMinute.values().stream().mapToInt(LongSet::size).sum();
    }

    synchronized long bytes() {
        return byExpiryMinute.values().stream().mapToLong(LongSet::bytes).sum();
    }
}

package dev.vodcert.issuance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a certificate is due for renewal: when 1/{@value LifecycleTiming#RENEW_REMAINING_DIVISOR}
 * of its lifetime remains, moved earlier by a jitter of up to
 * 1/{@value LifecycleTiming#RENEW_JITTER_DIVISOR} of the lifetime. The jitter is drawn from a hash
 * of the domain and the certificate's expiry: stable for one certificate (every node and every
 * restart computes the same time), different from one domain to the next, so ten thousand
 * certificates issued in the same minute renew spread over days, not in one minute. Whole seconds.
 */
public final class RenewalSchedule {
    private RenewalSchedule() {
    }

    public static Instant renewAt(String asciiDomainName, Instant notBefore, Instant notAfter) {
        Duration lifetime = Duration.between(notBefore, notAfter);
        if (lifetime.isNegative() || lifetime.isZero()) {
            return notAfter;
        }
        Instant mark = notAfter.minus(lifetime.dividedBy(LifecycleTiming.RENEW_REMAINING_DIVISOR));
        long windowMillis = lifetime.toMillis() / LifecycleTiming.RENEW_JITTER_DIVISOR;
        long jitter = windowMillis == 0 ? 0 : Math.floorMod(hash(asciiDomainName, notAfter), windowMillis);
        return mark.minusMillis(jitter).truncatedTo(ChronoUnit.SECONDS);
    }

    private static long hash(String domain, Instant notAfter) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(domain.getBytes(StandardCharsets.UTF_8));
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(notAfter.toEpochMilli()).array());
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

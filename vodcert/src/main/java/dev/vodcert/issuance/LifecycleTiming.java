package dev.vodcert.issuance;

import java.time.Duration;

/**
 * Every timing rule of the free-certificate lifecycle, in one place (DESIGN §3 point 7).
 *
 * <ul>
 * <li>The loop runs a pass every {@value #PASS_INTERVAL_SECONDS} s and takes at most
 *     {@value #PASS_BATCH} due domains per pass, leasing them in one transaction; what it decides for
 *     them is written in one transaction too, at the latest {@value #PASS_SAVE_WAIT_MILLIS} ms after the
 *     first decision ({@link Pass}).
 * <li>A failed check (CNAME not pointing at the assigned {@code Cname}, or the DNS query failing)
 *     is retried after {@value #CHECK_FIRST_SECONDS} s, doubling each time up to
 *     {@value #CHECK_MAX_SECONDS} s, forever: fixing DNS fixes the domain without another call.
 * <li>A failed issuance attempt backs off front-loaded: {@value #BACKOFF_FIRST_SECONDS} s, times
 *     {@value #BACKOFF_FACTOR} each attempt, capped at {@value #BACKOFF_MAX_SECONDS} s (1 min, 4 min,
 *     16 min, about 1 h, 4 h, 17 h, then daily). A first issuance gives up after
 *     {@value #MAX_ATTEMPTS} attempts (status {@code failed}, parked until asked again); a renewal
 *     keeps trying daily while the certificate it would replace is valid.
 * <li>A certificate is renewed when 1/{@value #RENEW_REMAINING_DIVISOR} of its lifetime remains,
 *     up to 1/{@value #RENEW_JITTER_DIVISOR} of the lifetime earlier (a jitter fixed per domain
 *     and certificate), so certificates issued together do not renew together.
 * <li>A node holds a domain's lease for {@value #LEASE_TTL_SECONDS} s and extends it every
 *     {@value #HEARTBEAT_SECONDS} s while it works on it; a lease that expired is free for any node.
 *     Operators may set another lease duration ({@code serve --lease-seconds}); the heartbeat then
 *     beats {@value #HEARTBEATS_PER_LEASE} times per lease ({@link #heartbeatFor}).
 * <li>When the CA says "rate limited" without a time, the domain waits
 *     {@value #CA_RATE_LIMIT_WAIT_SECONDS} s. Orders older than every rate-limit window are swept at
 *     most every {@value #ORDER_SWEEP_SECONDS} s.
 * <li>A certificate the CA has just issued is accepted with a NotBefore up to
 *     {@value #CA_CLOCK_SKEW_SECONDS} s ahead of this node's clock: the CA's clock may run ahead.
 * </ul>
 */
public final class LifecycleTiming {
    public static final long PASS_INTERVAL_SECONDS = 5;
    public static final int PASS_BATCH = 50;
    public static final long PASS_SAVE_WAIT_MILLIS = 1000;
    public static final long CHECK_FIRST_SECONDS = 60;
    public static final long CHECK_MAX_SECONDS = 3600;
    public static final long BACKOFF_FIRST_SECONDS = 60;
    public static final int BACKOFF_FACTOR = 4;
    public static final long BACKOFF_MAX_SECONDS = 86_400;
    public static final int MAX_ATTEMPTS = 10;
    public static final int RENEW_REMAINING_DIVISOR = 3;
    public static final int RENEW_JITTER_DIVISOR = 10;
    public static final long LEASE_TTL_SECONDS = 120;
    public static final long HEARTBEAT_SECONDS = 30;
    /** Heartbeats per lease duration: a node that misses up to three in a row keeps its leases. */
    public static final int HEARTBEATS_PER_LEASE = 4;
    public static final long CA_RATE_LIMIT_WAIT_SECONDS = 3600;
    public static final long ORDER_SWEEP_SECONDS = 3600;
    public static final long CA_CLOCK_SKEW_SECONDS = 300;
    /** {@code next_attempt_at} of a row no pass will pick until someone asks again. */
    public static final long PARKED = Long.MAX_VALUE;

    private LifecycleTiming() {
    }

    /** The wait before check number {@code failedChecks + 1}, after {@code failedChecks} failed ones (at least 1). */
    public static Duration recheckAfter(int failedChecks) {
        return Duration.ofSeconds(grow(CHECK_FIRST_SECONDS, 2, CHECK_MAX_SECONDS, failedChecks));
    }

    /** The wait after the {@code attempts}-th failed issuance attempt (at least 1). */
    public static Duration backoffAfter(int attempts) {
        return Duration.ofSeconds(grow(BACKOFF_FIRST_SECONDS, BACKOFF_FACTOR, BACKOFF_MAX_SECONDS, attempts));
    }

    public static Duration caClockSkew() {
        return Duration.ofSeconds(CA_CLOCK_SKEW_SECONDS);
    }

    public static Duration leaseTtl() {
        return Duration.ofSeconds(LEASE_TTL_SECONDS);
    }

    /** How often a node holding leases of {@code leaseTtl} extends them: a quarter of it, at least 100 ms. */
    public static Duration heartbeatFor(Duration leaseTtl) {
        return Duration.ofMillis(Math.max(100, leaseTtl.toMillis() / HEARTBEATS_PER_LEASE));
    }

    private static long grow(long first, int factor, long max, int times) {
        long wait = first;
        for (int i = 1; i < times && wait < max; i++) {
            wait *= factor;
        }
        return Math.min(wait, max);
    }
}

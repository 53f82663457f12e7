package dev.vodcert.protocol;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per caller: each holds up to {@code burst} tokens, refills at {@code ratePerSecond}
 * and spends one per request; an empty bucket refuses with {@code Throttling.User} (HTTP 400, the
 * gateway's documented status). The {@link Scope} says who shares a bucket: one AccessKey for all
 * actions, or, as the real service counts its per-user limits, one account (all its keys) per
 * action. Time comes from the clock; idle buckets, full again by then, are forgotten.
 */
public final class TokenBucketThrottle implements Throttle {
    /** Who shares one bucket. */
    public enum Scope {
        /** One bucket per AccessKey, all actions together. */
        ACCESS_KEY,
        /** One bucket per account and action, as the real service's "per user" QPS limits. */
        ACCOUNT_AND_ACTION
    }

    private final Scope scope;
    private final double ratePerSecond;
    private final int burst;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    public TokenBucketThrottle(Scope scope, double ratePerSecond, int burst, Clock clock) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("throttle rate must be above 0 and burst at least 1");
        }
        this.scope = scope;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
        long refillSeconds = (long) Math.ceil(burst / ratePerSecond);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofSeconds(Math.max(60, refillSeconds + 1)))
                .build();
    }

    @Override
    public void acquire(Principal principal, String action) {
        String key = scope == Scope.ACCESS_KEY ? principal.accessKeyId() : principal.accountId() + "\n" + action;
        long now = clock.millis();
        if (!buckets.get(key, k -> new Bucket(burst, now)).take(now, ratePerSecond, burst)) {
            throw GatewayErrors.THROTTLING_USER.exception(GatewayErrors.THROTTLING_USER.message() + " The limit is "
                    + BigDecimal.valueOf(ratePerSecond).stripTrailingZeros().toPlainString()
                    + " requests per second" + (scope == Scope.ACCESS_KEY ? " per AccessKey" : " per account for "
                    + Sanitizer.brief(action)) + ", bursts of up to " + burst + ".");
        }
    }

    /** Tokens and the time they were counted. */
    private static final class Bucket {
        private double tokens;
        private long countedAt;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.countedAt = now;
        }

        synchronized boolean take(long now, double ratePerSecond, int burst) {
            if (now > countedAt) {
                tokens = Math.min(burst, tokens + (now - countedAt) * ratePerSecond / 1000.0);
                countedAt = now;
            }
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    @Override
    public String toString() {
        return "TokenBucketThrottle[" + scope + ", " + ratePerSecond + "/s, burst " + burst + "]";
    }
}

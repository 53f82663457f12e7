package dev.vodcert.issuance;

import java.time.Instant;
import java.util.Optional;

/**
 * An issuance attempt that failed, with what operators need to know: why (never key material),
 * whether the CA refused for rate limits, and when it said to retry, if it did.
 */
public final class IssuanceFailure extends Exception {
    private final boolean rateLimited;
    private final Instant retryAfter;

    public IssuanceFailure(String reason, boolean rateLimited, Instant retryAfter, Throwable cause) {
        super(reason, cause);
        this.rateLimited = rateLimited;
        this.retryAfter = retryAfter;
    }

    public IssuanceFailure(String reason) {
        this(reason, false, null, null);
    }

    public boolean rateLimited() {
        return rateLimited;
    }

    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

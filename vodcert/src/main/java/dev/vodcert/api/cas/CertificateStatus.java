package dev.vodcert.api.cas;

import dev.vodcert.store.CasCertificateStore;
import java.time.Duration;
import java.time.Instant;

/**
 * A stored certificate's {@code Status} in {@code ListUserCertificateOrder}, from its NotAfter and
 * the time of the request: {@code EXPIRED} once NotAfter has passed, {@code WILLEXPIRED} within
 * {@link #WILL_EXPIRE_WITHIN} of it, {@code ISSUED} before. The same bounds filter the list, so a
 * certificate is listed under the status it shows.
 */
enum CertificateStatus {
    ISSUED,
    WILLEXPIRED,
    EXPIRED;

    /** How close to its NotAfter a certificate counts as about to expire (the console's 30 days). */
    static final Duration WILL_EXPIRE_WITHIN = Duration.ofDays(30);

    static CertificateStatus of(long notAfter, Instant now) {
        if (notAfter < now.toEpochMilli()) {
            return EXPIRED;
        }
        return notAfter <= soon(now) ? WILLEXPIRED : ISSUED;
    }

    /** The certificates of this status, by NotAfter. */
    CasCertificateStore.Filter filter(Instant now, String keyword) {
        long stillValid = now.toEpochMilli() - 1;
        return switch (this) {
            case ISSUED -> new CasCertificateStore.Filter(soon(now), null, keyword);
            case WILLEXPIRED -> new CasCertificateStore.Filter(stillValid, soon(now), keyword);
            case EXPIRED -> new CasCertificateStore.Filter(null, stillValid, keyword);
        };
    }

    /** No status asked for: the valid ones, issued or about to expire, as the service lists them. */
    static CasCertificateStore.Filter valid(Instant now, String keyword) {
        return new CasCertificateStore.Filter(now.toEpochMilli() - 1, null, keyword);
    }

    private static long soon(Instant now) {
        return now.plus(WILL_EXPIRE_WITHIN).toEpochMilli();
    }
}

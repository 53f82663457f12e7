package dev.vodcert.issuance;

/**
 * The lifecycle state of one domain's free certificate, as stored (one row per domain). Times are
 * epoch milliseconds; nullable ones are {@code Long}.
 *
 * @param cnameStatus {@code ok} or {@code cname_error} after a check, null before the first
 * @param attempts failed issuance attempts since the last success (or request)
 * @param checks failed checks in a row (CNAME wrong or DNS failing), which space the re-checks
 * @param nextAttemptAt when a pass should look at the row again ({@link LifecycleTiming#PARKED}: never)
 * @param orderReservedAt the time of an order slot the rate limiter reserved for this row, if any
 * @param observedCname what the last check saw; {@code resolver} whom it asked; {@code lastError}
 *     why the last check or attempt failed (null after a success)
 * @param certId the last certificate this lifecycle issued (null before the first)
 * @param renewAt when that certificate is due for renewal
 */
public record FreeCertificate(long domainId, FreeCertStatus status, String cnameStatus, int attempts, int checks,
                              long nextAttemptAt, Long orderReservedAt, String observedCname, String resolver,
                              String lastError, Long lastCheckedAt, Long certId, Long renewAt, String leaseOwner,
                              long leaseExpiresAt, long createdAt, long updatedAt) {

    /** A fresh request: {@code checking}, due at once. */
    public static FreeCertificate requested(long domainId, long now) {
        return new FreeCertificate(domainId, FreeCertStatus.CHECKING, null, 0, 0, now, null, null, null, null, null,
                null, null, null, 0, now, now);
    }

    public FreeCertificate withStatus(FreeCertStatus newStatus) {
        return new FreeCertificate(domainId, newStatus, cnameStatus, attempts, checks, nextAttemptAt, orderReservedAt,
                observedCname, resolver, lastError, lastCheckedAt, certId, renewAt, leaseOwner, leaseExpiresAt,
                createdAt, updatedAt);
    }

    public FreeCertificate withNext(long at) {
        return new FreeCertificate(domainId, status, cnameStatus, attempts, checks, at, orderReservedAt,
                observedCname, resolver, lastError, lastCheckedAt, certId, renewAt, leaseOwner, leaseExpiresAt,
                createdAt, updatedAt);
    }

    public FreeCertificate withCounts(int newAttempts, int newChecks) {
        return new FreeCertificate(domainId, status, cnameStatus, newAttempts, newChecks, nextAttemptAt,
                orderReservedAt, observedCname, resolver, lastError, lastCheckedAt, certId, renewAt, leaseOwner,
                leaseExpiresAt, createdAt, updatedAt);
    }

    public FreeCertificate withError(String error) {
        return new FreeCertificate(domainId, status, cnameStatus, attempts, checks, nextAttemptAt, orderReservedAt,
                observedCname, resolver, error, lastCheckedAt, certId, renewAt, leaseOwner, leaseExpiresAt, createdAt,
                updatedAt);
    }

    public FreeCertificate withReservation(Long at) {
        return new FreeCertificate(domainId, status, cnameStatus, attempts, checks, nextAttemptAt, at, observedCname,
                resolver, lastError, lastCheckedAt, certId, renewAt, leaseOwner, leaseExpiresAt, createdAt, updatedAt);
    }

    /** Records what a check saw (observed CNAME, resolver, error) and the CNAME status it implies. */
    public FreeCertificate withCheck(CnameCheck.Result r, long at) {
        String newCnameStatus = switch (r.outcome()) {
            case OK -> "ok";
            case MISMATCH -> "cname_error";
            case DNS_FAILURE -> cnameStatus;
        };
        return new FreeCertificate(domainId, status, newCnameStatus, attempts, checks, nextAttemptAt, orderReservedAt,
                r.observed(), r.resolver(), r.error().isEmpty() ? null : r.error(), at, certId, renewAt, leaseOwner,
                leaseExpiresAt, createdAt, updatedAt);
    }

    /** Whether this lifecycle has issued a certificate (so the next order is a renewal). */
    public boolean issuedBefore() {
        return certId != null;
    }
}

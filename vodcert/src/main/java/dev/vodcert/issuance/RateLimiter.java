package dev.vodcert.issuance;

import dev.vodcert.store.CertificateOrderStore;
import java.time.Instant;

/**
 * Keeps the lifecycle within {@link RateLimits} by reservation, so that what exceeds a limit is
 * queued, never failed nor dropped. {@link #reserve} answers the earliest time an order fits:
 * orders are reserved first come, first served at the account level (a reservation is never
 * earlier than the latest one), which keeps every window of the account limit within its budget;
 * a domain that must wait for its registered domain's window is told when to come back and takes
 * no account slot meanwhile, so it holds up nobody else. A reservation is a place in the queue, not
 * a licence: {@link #claim} turns it into an order at the time the order is really placed, and only
 * if the windows ending then still have room (a node may come late to its slot), else it reserves
 * again. So the limits hold on the times the CA sees. Decisions run under the store's lock, so
 * several nodes share one budget.
 */
public final class RateLimiter {
    /**
     * @param at when the order may be placed
     * @param reserved whether a slot at {@code at} now belongs to the caller (false: ask again at {@code at})
     */
    public record Decision(Instant at, boolean reserved) {
    }

    private final CertificateOrderStore orders;
    private final RateLimits limits;

    public RateLimiter(CertificateOrderStore orders, RateLimits limits) {
        this.orders = orders;
        this.limits = limits;
    }

    public RateLimits limits() {
        return limits;
    }

    /**
     * @param newCertificate false for a renewal, which the per-registered-domain limit exempts
     */
    public Decision reserve(long domainId, String registeredDomain, boolean newCertificate, Instant now) {
        return orders.locked(o -> {
            long t = now.toEpochMilli();
            if (limits.ordersPerAccount() > 0) {
                t = Math.max(t, o.nthLatest(1, null, false).orElse(t));
                t = Math.max(t, o.nthLatest(limits.ordersPerAccount(), null, false)
                        .map(nth -> nth + limits.accountWindow().toMillis()).orElse(t));
            }
            if (newCertificate && limits.newCertificatesPerDomain() > 0) {
                long domainTime = Math.max(now.toEpochMilli(), o.nthLatest(1, registeredDomain, true).orElse(0L));
                domainTime = Math.max(domainTime, o.nthLatest(limits.newCertificatesPerDomain(), registeredDomain, true)
                        .map(nth -> nth + limits.domainWindow().toMillis()).orElse(domainTime));
                if (domainTime > t) {
                    return new Decision(Instant.ofEpochMilli(domainTime), false);
                }
            }
            o.add(domainId, registeredDomain, newCertificate, t);
            return new Decision(Instant.ofEpochMilli(t), true);
        });
    }

    /**
     * Places the order reserved at {@code reservedAt} now: the reservation becomes an order at
     * {@code now} when both windows ending now have room, otherwise a new reservation is made.
     */
    public Decision claim(long domainId, long reservedAt, String registeredDomain, boolean newCertificate,
                          Instant now) {
        boolean placed = orders.locked(o -> {
            long t = now.toEpochMilli();
            o.remove(domainId, reservedAt);
            boolean room = limits.ordersPerAccount() == 0 || o.count(t - limits.accountWindow().toMillis(), t, null,
                    false) < limits.ordersPerAccount();
            if (room && newCertificate && limits.newCertificatesPerDomain() > 0) {
                room = o.count(t - limits.domainWindow().toMillis(), t, registeredDomain, true)
                        < limits.newCertificatesPerDomain();
            }
            if (room) {
                o.add(domainId, registeredDomain, newCertificate, t);
            }
            return room;
        });
        return placed ? new Decision(now, true) : reserve(domainId, registeredDomain, newCertificate, now);
    }

    /** Forgets orders that no window counts any more. */
    public void sweep(Instant now) {
        orders.sweep(now.minus(limits.longestWindow()).toEpochMilli());
    }
}

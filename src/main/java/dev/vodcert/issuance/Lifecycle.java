package dev.vodcert.issuance;

import dev.vodcert.domain.DomainName;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.store.FreeCertificateStore;
import dev.vodcert.store.FreeCertificateStore.Work;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The free-certificate lifecycle as one loop (DESIGN §5). {@link #runOnce()} takes the due rows
 * (by the {@code next_attempt_at} index, at most {@value LifecycleTiming#PASS_BATCH}), and for each
 * takes its lease, re-reads it, and acts:
 * <ol>
 * <li>a domain that never had a certificate from us is checked: name rules ({@link IssuableName}:
 *     {@code domain_invalid}, {@code unsupport_wildcard}, parked), then its CNAME ({@link CnameCheck}:
 *     {@code cname_error} re-checked on schedule; a DNS failure leaves the status and retries);
 * <li>a domain that passed, or whose certificate is due for renewal, asks the {@link RateLimiter}
 *     for an order slot (queued when none: {@code next_attempt_at} moves, the status stays), then
 *     goes {@code applying} and {@link IssueStep} issues and stores the certificate
 *     ({@code success}) or records the failure ({@code failed}, or still {@code success} while the
 *     certificate a renewal would replace is valid), backing off per {@link LifecycleTiming}.
 * </ol>
 * A row left in {@code applying} by a node that died is picked once its lease expires and resumed
 * from the start of its step. Every pass catches everything; a row whose step threw keeps its lease
 * until it expires, which spaces the retries. Reads elsewhere never write.
 */
public final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final FreeCertificateStore store;
    private final CnameCheck cnameCheck;
    private final RateLimiter limiter;
    private final IssueStep issueStep;
    private final Clock clock;
    private final String owner;
    private final Duration leaseTtl;
    private volatile long lastSweep;

    public Lifecycle(FreeCertificateStore store, CnameCheck cnameCheck, RateLimiter limiter, IssueStep issueStep,
                     Clock clock, String owner) {
        this(store, cnameCheck, limiter, issueStep, clock, owner, LifecycleTiming.leaseTtl());
    }

    /** @param leaseTtl how long a lease lasts without a heartbeat (default {@link LifecycleTiming#leaseTtl()}) */
    public Lifecycle(FreeCertificateStore store, CnameCheck cnameCheck, RateLimiter limiter, IssueStep issueStep,
                     Clock clock, String owner, Duration leaseTtl) {
        this.leaseTtl = leaseTtl;
        this.store = store;
        this.cnameCheck = cnameCheck;
        this.limiter = limiter;
        this.issueStep = issueStep;
        this.clock = clock;
        this.owner = owner;
    }

    /** How often {@link #heartbeat()} must run for this node to keep its leases. */
    public Duration heartbeatInterval() {
        return LifecycleTiming.heartbeatFor(leaseTtl);
    }

    /** This node's name in leases. */
    public String owner() {
        return owner;
    }

    /** One pass over the due rows; returns how many it acted on. Never throws. */
    public int runOnce() {
        int acted = 0;
        try {
            long now = clock.millis();
            if (now - lastSweep >= LifecycleTiming.ORDER_SWEEP_SECONDS * 1000 || now < lastSweep) {
                limiter.sweep(clock.instant());
                lastSweep = now;
            }
            for (long domainId : store.due(clock.millis(), LifecycleTiming.PASS_BATCH)) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (step(domainId)) {
                    acted++;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("free certificates: the pass stopped early: {}", e.toString());
        }
        return acted;
    }

    /** Extends the leases this node holds; called every {@link #heartbeatInterval()}. */
    public void heartbeat() {
        try {
            store.heartbeat(owner, clock.millis() + leaseTtl.toMillis());
        } catch (RuntimeException e) {
            LOG.warn("free certificates: heartbeat failed: {}", e.toString());
        }
    }

    /** Gives back this node's leases (clean shutdown), so that work resumes elsewhere at once. */
    public void releaseLeases() {
        try {
            store.releaseAll(owner);
        } catch (RuntimeException e) {
            LOG.warn("free certificates: could not release leases: {}", e.toString());
        }
    }

    private boolean step(long domainId) {
        long now = clock.millis();
        if (!store.takeLease(domainId, owner, now, now + leaseTtl.toMillis())) {
            return false;
        }
        try {
            Optional<Work> work = store.work(domainId, owner);
            if (work.isEmpty() || work.get().state().nextAttemptAt() > now) {
                store.release(domainId, owner);
                return false;
            }
            FreeCertificate state = work.get().state();
            if (state.issuedBefore()) {
                order(work.get(), state, true);
            } else {
                check(work.get(), state);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("free certificates: domain {} failed this pass, retried once its lease expires: {}", domainId,
                    e.toString());
            return false;
        }
    }

    private void check(Work work, FreeCertificate state) {
        VodDomain domain = work.domain();
        long now = clock.millis();
        Optional<IssuableName.Refusal> refusal = IssuableName.check(domain.domainName());
        if (refusal.isPresent()) {
            save(domain, state, state.withStatus(refusal.get().status()).withError(refusal.get().reason())
                    .withReservation(null).withNext(LifecycleTiming.PARKED));
            return;
        }
        CnameCheck.Result seen = cnameCheck.check(domain.domainName(), domain.cname());
        FreeCertificate checked = state.withCheck(seen, now);
        switch (seen.outcome()) {
            case OK -> order(work, checked.withCounts(state.attempts(), 0), false);
            case MISMATCH -> save(domain, state, failedCheck(checked, FreeCertStatus.CNAME_ERROR, now));
            case DNS_FAILURE -> save(domain, state, failedCheck(checked,
                    state.status() == FreeCertStatus.APPLYING ? FreeCertStatus.CHECKING : state.status(), now));
        }
    }

    private static FreeCertificate failedCheck(FreeCertificate checked, FreeCertStatus status, long now) {
        int checks = checked.checks() + 1;
        return checked.withStatus(status).withCounts(checked.attempts(), checks)
                .withNext(now + LifecycleTiming.recheckAfter(checks).toMillis());
    }

    private void order(Work work, FreeCertificate state, boolean renewal) {
        VodDomain domain = work.domain();
        Instant now = clock.instant();
        String registered = DomainName.parse(domain.domainName()).rootDomain();
        RateLimiter.Decision slot = state.orderReservedAt() == null
                ? limiter.reserve(domain.id(), registered, !renewal, now)
                : limiter.claim(domain.id(), state.orderReservedAt(), registered, !renewal, now);
        if (slot.at().isAfter(now)) {
            save(domain, state, state.withStatus(waiting(state.status(), renewal))
                    .withReservation(slot.reserved() ? slot.at().toEpochMilli() : null)
                    .withNext(slot.at().toEpochMilli())
                    .withError("queued by the rate limit until " + slot.at() + " (" + limiter.limits() + ")"));
            return;
        }
        FreeCertificate applying = state.withStatus(FreeCertStatus.APPLYING).withReservation(null);
        if (!store.save(applying, owner, true, now.toEpochMilli())) {
            return;
        }
        log(domain, state.status(), applying.status(), renewal ? "renewal" : "order");
        issueStep.run(work, applying, renewal, owner);
    }

    /** The status a row shows while it waits for an order slot: what it was, unless that is no longer true. */
    private static FreeCertStatus waiting(FreeCertStatus current, boolean renewal) {
        if (current == FreeCertStatus.APPLYING) {
            return renewal ? FreeCertStatus.SUCCESS : FreeCertStatus.CHECKING;
        }
        return current == FreeCertStatus.CNAME_ERROR ? FreeCertStatus.CHECKING : current;
    }

    private void save(VodDomain domain, FreeCertificate before, FreeCertificate after) {
        if (store.save(after, owner, false, clock.millis())) {
            log(domain, before.status(), after.status(), after.lastError());
        }
    }

    static void log(VodDomain domain, FreeCertStatus from, FreeCertStatus to, String why) {
        if (from != to) {
            LOG.info("free certificate {}: {} -> {}{}", domain.domainName(), from.wire(), to.wire(),
                    why == null ? "" : " (" + why + ")");
        }
    }
}

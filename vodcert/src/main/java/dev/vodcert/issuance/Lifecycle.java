package dev.vodcert.issuance;

import dev.vodcert.domain.DomainName;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.store.FreeCertificateStore;
import dev.vodcert.store.FreeCertificateStore.Work;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The free-certificate lifecycle as one loop (DESIGN §5). {@link #runOnce()} takes the due rows
 * (by the {@code next_attempt_at} index, at most {@value LifecycleTiming#PASS_BATCH}) and their
 * leases, in one transaction, and acts on each; what it decides is written per pass
 * ({@link Pass}):
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

    /**
     * Passes over the due rows until one ends without yielding to an issuance step (at most
     * {@value LifecycleTiming#PASS_BATCH}), acting on each row at most once; returns how many rows
     * they acted on. Never throws.
     */
    public int runOnce() {
        int acted = 0;
        Set<Long> handled = new HashSet<>();
        try {
            long now = clock.millis();
            if (now - lastSweep >= LifecycleTiming.ORDER_SWEEP_SECONDS * 1000 || now < lastSweep) {
                limiter.sweep(clock.instant());
                lastSweep = now;
            }
            for (int passes = 0; passes < LifecycleTiming.PASS_BATCH; passes++) {
                now = clock.millis();
                Pass pass = new Pass(store, owner, clock,
                        store.lease(store.due(now, LifecycleTiming.PASS_BATCH), owner, now, now + leaseTtl.toMillis()));
                for (Work work = pass.next(); work != null; work = pass.next()) {
                    if (Thread.currentThread().isInterrupted()) {
                        return acted; // stopping: what the pass leased and did not save is given back by releaseLeases
                    }
                    if (!handled.add(work.state().domainId())) {
                        pass.release(work.state().domainId()); // due again already (a renewal): the next run
                    } else if (step(work, pass)) {
                        acted++;
                    }
                    pass.saveIfWaited();
                }
                pass.saveNow();
                if (!pass.yielded()) {
                    break;
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

    private boolean step(Work work, Pass pass) {
        FreeCertificate state = work.state();
        try {
            if (state.nextAttemptAt() > clock.millis()) {
                pass.release(state.domainId());
                return false;
            }
            if (state.issuedBefore()) {
                order(work, state, true, pass);
            } else {
                check(work, state, pass);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("free certificates: domain {} failed this pass, retried once its lease expires: {}",
                    state.domainId(), e.toString());
            return false;
        }
    }

    private void check(Work work, FreeCertificate state, Pass pass) {
        VodDomain domain = work.domain();
        long now = clock.millis();
        Optional<IssuableName.Refusal> refusal = IssuableName.check(domain.domainName());
        if (refusal.isPresent()) {
            pass.save(domain, state, state.withStatus(refusal.get().status()).withError(refusal.get().reason())
                    .withReservation(null).withNext(LifecycleTiming.PARKED));
            return;
        }
        CnameCheck.Result seen = cnameCheck.check(domain.domainName(), domain.cname());
        FreeCertificate checked = state.withCheck(seen, now);
        switch (seen.outcome()) {
            case OK -> order(work, checked.withCounts(state.attempts(), 0), false, pass);
            case MISMATCH -> pass.save(domain, state, failedCheck(checked, FreeCertStatus.CNAME_ERROR, now));
            case DNS_FAILURE -> pass.save(domain, state, failedCheck(checked,
                    state.status() == FreeCertStatus.APPLYING ? FreeCertStatus.CHECKING : state.status(), now));
        }
    }

    private static FreeCertificate failedCheck(FreeCertificate checked, FreeCertStatus status, long now) {
        int checks = checked.checks() + 1;
        return checked.withStatus(status).withCounts(checked.attempts(), checks)
                .withNext(now + LifecycleTiming.recheckAfter(checks).toMillis());
    }

    private void order(Work work, FreeCertificate state, boolean renewal, Pass pass) {
        VodDomain domain = work.domain();
        Instant now = clock.instant();
        String registered = DomainName.parse(domain.domainName()).rootDomain();
        RateLimiter.Decision slot = state.orderReservedAt() == null
                ? limiter.reserve(domain.id(), registered, !renewal, now)
                : limiter.claim(domain.id(), state.orderReservedAt(), registered, !renewal, now);
        if (slot.at().isAfter(now)) {
            pass.save(domain, state, state.withStatus(waiting(state.status(), renewal))
                    .withReservation(slot.reserved() ? slot.at().toEpochMilli() : null)
                    .withNext(slot.at().toEpochMilli())
                    .withError("queued by the rate limit until " + slot.at() + " (" + limiter.limits() + ")"));
            return;
        }
        pass.yieldRest(); // an order may take minutes: the rows not reached yet go back to every node
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

    static void log(VodDomain domain, FreeCertStatus from, FreeCertStatus to, String why) {
        if (from != to) {
            LOG.info("free certificate {}: {} -> {}{}", domain.domainName(), from.wire(), to.wire(),
                    why == null ? "" : " (" + why + ")");
        }
    }
}

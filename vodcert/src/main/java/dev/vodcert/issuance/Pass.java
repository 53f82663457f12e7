package dev.vodcert.issuance;

import dev.vodcert.domain.VodDomain;
import dev.vodcert.store.FreeCertificateStore;
import dev.vodcert.store.FreeCertificateStore.Work;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass of the {@link Lifecycle}: the due rows it leased (in one transaction), and what it has
 * decided for them and not yet written, the new states of the rows it checked and the leases it gives
 * back unchanged. Those are written together, in one transaction ({@link FreeCertificateStore#saveAll}),
 * at the end of the pass and once the oldest has waited {@value LifecycleTiming#PASS_SAVE_WAIT_MILLIS}
 * ms (slow DNS answers): a pass commits twice, not twice per row, which on a large H2 file was most of
 * what the loop cost (bench/README.md, series F). Before an issuance step, which may take minutes, the
 * pass {@linkplain #yieldRest() gives back} the rows it has not reached, so that other nodes take them
 * meanwhile, and ends. A row whose decision is never written keeps its lease until the lease expires,
 * as when its step threw.
 */
final class Pass {
    private record Decided(VodDomain domain, FreeCertificate before, FreeCertificate after) {
    }

    private final FreeCertificateStore store;
    private final String owner;
    private final Clock clock;
    private final List<Work> leased;
    private final List<Decided> decided = new ArrayList<>();
    private final List<Long> released = new ArrayList<>();
    private int next;
    private boolean yielded;
    private long firstAt;

    Pass(FreeCertificateStore store, String owner, Clock clock, List<Work> leased) {
        this.store = store;
        this.owner = owner;
        this.clock = clock;
        this.leased = leased;
    }

    /** The next leased row to act on; null when the pass has reached its end or yielded. */
    Work next() {
        return next < leased.size() ? leased.get(next++) : null;
    }

    /** {@code domain}'s row goes from {@code before} to {@code after}, its lease given back. */
    void save(VodDomain domain, FreeCertificate before, FreeCertificate after) {
        noteFirst();
        decided.add(new Decided(domain, before, after));
    }

    /** The lease of {@code domainId} is given back, the row unchanged. */
    void release(long domainId) {
        noteFirst();
        released.add(domainId);
    }

    /** Writes what is pending if the oldest of it has waited long enough. */
    void saveIfWaited() {
        if (!isEmpty() && clock.millis() - firstAt >= LifecycleTiming.PASS_SAVE_WAIT_MILLIS) {
            saveNow();
        }
    }

    /**
     * Before a slow step on the current row: gives back the rows not reached yet, writes what is
     * pending, and ends the pass after this row ({@link #yielded()} when it gave rows back: the loop
     * starts another pass for them).
     */
    void yieldRest() {
        while (next < leased.size()) {
            release(leased.get(next++).state().domainId());
            yielded = true;
        }
        saveNow();
    }

    /** Whether the pass ended early for a slow step and gave back rows it had not reached. */
    boolean yielded() {
        return yielded;
    }

    /** Writes what is pending, and logs each status change that was written. */
    void saveNow() {
        if (isEmpty()) {
            return;
        }
        List<Decided> writing = List.copyOf(decided);
        List<Long> releasing = List.copyOf(released);
        decided.clear();
        released.clear();
        Set<Long> written = new HashSet<>(store.saveAll(writing.stream().map(Decided::after).toList(), releasing,
                owner, clock.millis()));
        for (Decided d : writing) {
            if (written.contains(d.after().domainId())) {
                Lifecycle.log(d.domain(), d.before().status(), d.after().status(), d.after().lastError());
            }
        }
    }

    private boolean isEmpty() {
        return decided.isEmpty() && released.isEmpty();
    }

    private void noteFirst() {
        if (isEmpty()) {
            firstAt = clock.millis();
        }
    }
}

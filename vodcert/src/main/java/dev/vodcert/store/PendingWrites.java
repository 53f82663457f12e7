package dev.vodcert.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What the current thread has written to mirrored rows ({@link MirroredRows}) and not yet seen
 * committed. H2 runs a statement, and so its row triggers ({@link MirrorTrigger}), in the calling
 * thread, before the commit; the thread's write has ended when its outermost Jdbi handle closes or
 * a plain write returns ({@link ChangeCount#committed}), and only then are its rows settled. A thread
 * that writes without ever reporting an end (a bare Jdbi, plain JDBC in a test) leaves its rows
 * unsettled, which makes every read of them go to the database: slower, never stale.
 */
final class PendingWrites {
    private static final ThreadLocal<PendingWrites> CURRENT = ThreadLocal.withInitial(PendingWrites::new);

    private int openHandles;
    private final List<Runnable> toSettle = new ArrayList<>();

    private PendingWrites() {
    }

    /** A Jdbi handle opened in this thread. */
    static void handleOpened() {
        CURRENT.get().openHandles++;
    }

    /** A Jdbi handle of this thread closed (its transaction has committed or rolled back). */
    static void handleClosed() {
        PendingWrites pending = CURRENT.get();
        if (pending.openHandles > 0) {
            pending.openHandles--;
        }
    }

    /** A row trigger fired in this thread: {@code settle} runs once the write has ended. */
    static void written(Runnable settle) {
        CURRENT.get().toSettle.add(settle);
    }

    /** A write of this thread has ended: settles what it wrote unless a handle of this thread is still open. */
    static void ended() {
        PendingWrites pending = CURRENT.get();
        if (pending.openHandles > 0 || pending.toSettle.isEmpty()) {
            return;
        }
        List<Runnable> settling = new ArrayList<>(pending.toSettle);
        pending.toSettle.clear();
        settling.forEach(Runnable::run);
    }
}

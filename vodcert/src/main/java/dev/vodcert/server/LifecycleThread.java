package dev.vodcert.server;

import dev.vodcert.issuance.Lifecycle;
import dev.vodcert.issuance.LifecycleTiming;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the lifecycle in the server: a pass every {@value LifecycleTiming#PASS_INTERVAL_SECONDS} s
 * (after the previous one ends) and, on a second thread so that it beats while a pass waits on a
 * CA, the lease heartbeat every {@link Lifecycle#heartbeatInterval()} (a quarter of the lease
 * duration: {@value LifecycleTiming#HEARTBEAT_SECONDS} s by default). Starting first gives back any
 * lease still held under this node's name: a node that starts is working on nothing, so such a lease
 * is left from an earlier life under the same {@code --node-id} (killed, not stopped), and the
 * heartbeat would otherwise keep it alive with nobody working on it. Closing stops both
 * (interrupting a pass), waits a bounded time, and gives the leases back. {@link #runNow()} asks for
 * a pass before the next scheduled one, on the same thread, so passes never overlap.
 */
final class LifecycleThread implements AutoCloseable {
    private static final long STOP_WAIT_SECONDS = 10;

    private final Lifecycle lifecycle;
    private final ScheduledExecutorService executor;
    private final ScheduledExecutorService passes;
    private final AtomicReference<CompletableFuture<Integer>> queued = new AtomicReference<>();

    LifecycleThread(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
        lifecycle.releaseLeases();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, n));
        this.passes = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, n));
        passes.scheduleWithFixedDelay(lifecycle::runOnce, 1, LifecycleTiming.PASS_INTERVAL_SECONDS,
                TimeUnit.SECONDS);
        long beat = lifecycle.heartbeatInterval().toMillis();
        executor.scheduleAtFixedRate(lifecycle::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, AtomicInteger n) {
        Thread t = new Thread(r, "free-certificates-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /**
     * A pass now, after the one running (if any); a request while one is queued and not started yet
     * joins it. Completes with the number of rows acted on when the pass has ended.
     */
    CompletableFuture<Integer> runNow() {
        CompletableFuture<Integer> mine = new CompletableFuture<>();
        CompletableFuture<Integer> waiting = queued.compareAndExchange(null, mine);
        if (waiting != null) {
            return waiting;
        }
        try {
            passes.execute(() -> {
                queued.compareAndSet(mine, null);
                mine.complete(lifecycle.runOnce());
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.compareAndSet(mine, null);
            mine.complete(0); // closing
        }
        return mine;
    }

    @Override
    public void close() {
        passes.shutdownNow();
        executor.shutdownNow();
        CompletableFuture<Integer> dropped = queued.getAndSet(null);
        if (dropped != null) {
            dropped.complete(0);
        }
        try {
            passes.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lifecycle.releaseLeases();
    }
}

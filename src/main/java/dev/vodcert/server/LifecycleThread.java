package dev.vodcert.server;

import dev.vodcert.issuance.Lifecycle;
import dev.vodcert.issuance.LifecycleTiming;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the lifecycle in the server: a pass every {@value LifecycleTiming#PASS_INTERVAL_SECONDS} s
 * (after the previous one ends) and, on a second thread so that it beats while a pass waits on a
 * CA, the lease heartbeat every {@link Lifecycle#heartbeatInterval()} (a quarter of the lease
 * duration: {@value LifecycleTiming#HEARTBEAT_SECONDS} s by default). Starting first gives back any
 * lease still held under this node's name: a node that starts is working on nothing, so such a lease
 * is left from an earlier life under the same {@code --node-id} (killed, not stopped), and the
 * heartbeat would otherwise keep it alive with nobody working on it. Closing stops both
 * (interrupting a pass), waits a bounded time, and gives the leases back.
 */
final class LifecycleThread implements AutoCloseable {
    private static final long STOP_WAIT_SECONDS = 10;

    private final Lifecycle lifecycle;
    private final ScheduledExecutorService executor;

    LifecycleThread(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
        lifecycle.releaseLeases();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "free-certificates-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(lifecycle::runOnce, 1, LifecycleTiming.PASS_INTERVAL_SECONDS,
                TimeUnit.SECONDS);
        long beat = lifecycle.heartbeatInterval().toMillis();
        executor.scheduleAtFixedRate(lifecycle::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lifecycle.releaseLeases();
    }
}

package dev.vodcert.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work on one timer thread: each task registered with {@link #every} runs at a fixed
 * delay, each pass catching everything. While the database does not answer, passes are skipped
 * (paused, said once in the log) and resume by themselves when it answers again, so an outage
 * neither piles up failures nor needs a restart. Any background loop (the certificate lifecycle
 * too) hooks in here; {@link #runOnce()} runs one pass now, as the timer would, for tests.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private record Task(String name, Runnable work) {
    }

    private final BooleanSupplier databaseUp;
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vodcert-housekeeping");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean paused;

    /** @param databaseUp a cheap check that the database answers (bounded in time) */
    public Housekeeping(BooleanSupplier databaseUp) {
        this.databaseUp = databaseUp;
    }

    /** Runs {@code work} every {@code period}, first after one period, while the database answers. */
    public void every(String name, Duration period, Runnable work) {
        Task task = new Task(name, work);
        tasks.add(task);
        timer.scheduleWithFixedDelay(() -> {
            if (databaseAnswers()) {
                run(task);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass of every task now. @return false when paused because the database does not answer */
    public boolean runOnce() {
        if (!databaseAnswers()) {
            return false;
        }
        tasks.forEach(Housekeeping::run);
        return true;
    }

    public boolean isPaused() {
        return paused;
    }

    private boolean databaseAnswers() {
        boolean up = databaseUp.getAsBoolean();
        if (!up && !paused) {
            LOG.warn("Background work paused: the database does not answer; it resumes when it does.");
        } else if (up && paused) {
            LOG.info("Background work resumed: the database answers again.");
        }
        paused = !up;
        return up;
    }

    private static void run(Task task) {
        try {
            task.work().run();
        } catch (RuntimeException e) {
            LOG.warn("Background task '{}' failed: {}", task.name(), e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

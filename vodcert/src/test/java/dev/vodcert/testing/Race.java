package dev.vodcert.testing;

import dev.vodcert.testing.SignedClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Runs calls at the same moment, each on its own thread (released together by one latch), round after round. */
public final class Race implements AutoCloseable {
    private final ExecutorService pool;

    public Race(int callsPerRound) {
        this.pool = Executors.newFixedThreadPool(callsPerRound);
    }

    /** The answers of {@code calls}, started together, in the order given. */
    public List<Answer> run(List<Supplier<Answer>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        for (Supplier<Answer> call : calls) {
            futures.add(pool.submit(() -> {
                go.await();
                return call.get();
            }));
        }
        go.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> f : futures) {
            answers.add(f.get());
        }
        return answers;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

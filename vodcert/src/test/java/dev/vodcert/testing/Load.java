package dev.vodcert.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the overload test and the soak: a closed loop (N callers, each sending its next request
 * when the last is answered) to measure what the service sustains, and an open loop (requests sent
 * at a fixed rate whatever the answers) to offer more than that. Every answer is counted by status
 * and {@code Code}; transport failures are counted apart; latencies are kept for percentiles.
 */
public final class Load {
    private static final Pattern CODE = Pattern.compile("\"Code\":\"([^\"]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Load() {
    }

    /** What one run saw. */
    public record Result(long sent, Map<String, Integer> outcomes, long[] latencyNanos, int transportErrors,
                         double offeredPerSecond, double answeredPerSecond, List<long[]> timeline) {

        /** The median latency of the requests sent in each whole second of the run, in milliseconds. */
        public List<Long> medianMillisBySecond() {
            Map<Long, List<Long>> bySecond = new TreeMap<>();
            for (long[] sentAndLatency : timeline) {
                bySecond.computeIfAbsent(sentAndLatency[0] / 1_000_000_000L, k -> new ArrayList<>()).add(sentAndLatency[1]);
            }
            List<Long> medians = new ArrayList<>();
            for (List<Long> latencies : bySecond.values()) {
                latencies.sort(null);
                medians.add(TimeUnit.NANOSECONDS.toMillis(latencies.get(latencies.size() / 2)));
            }
            return medians;
        }

        public int count(String outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }

        public long percentileMillis(double p) {
            if (latencyNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latencyNanos.length - 1, Math.ceil(p / 100 * latencyNanos.length) - 1);
            return TimeUnit.NANOSECONDS.toMillis(latencyNanos[Math.max(0, index)]);
        }

        @Override
        public String toString() {
            return String.format("sent %d (%.0f/s offered, %.0f/s answered), outcomes %s, transport errors %d,"
                            + " latency p50 %d ms, p99 %d ms, max %d ms, median by second %s", sent, offeredPerSecond,
                    answeredPerSecond, outcomes, transportErrors, percentileMillis(50), percentileMillis(99),
                    percentileMillis(100), medianMillisBySecond());
        }
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "load-client");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    /** {@code callers} callers for {@code duration}; returns answers per second. */
    public static Result closedLoop(HttpClient http, int callers, Duration duration, Supplier<HttpRequest> next)
            throws InterruptedException {
        Recorder recorder = new Recorder();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long started = System.nanoTime();
        for (int i = 0; i < callers; i++) {
            pool.execute(() -> {
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    recorder.sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = http.send(next.get(), HttpResponse.BodyHandlers.ofString());
                        recorder.answer(r, t0 - started, System.nanoTime() - t0);
                    } catch (Exception e) {
                        recorder.transportErrors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return recorder.result(System.nanoTime() - started, System.nanoTime() - started);
    }

    /** Requests at {@code perSecond} for {@code duration}, whatever the answers; waits for every answer. */
    public static Result openLoop(HttpClient http, double perSecond, Duration duration, Supplier<HttpRequest> next) {
        Recorder recorder = new Recorder();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long started = System.nanoTime();
        long total = (long) (perSecond * duration.toNanos() / 1e9);
        for (long i = 0; i < total; i++) {
            long due = started + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 200_000) {
                sleepNanos(wait);
            }
            long t0 = System.nanoTime();
            recorder.sent.incrementAndGet();
            pending.add(http.sendAsync(next.get(), HttpResponse.BodyHandlers.ofString())
                    .handle((r, error) -> {
                        if (error != null) {
                            recorder.transportErrors.incrementAndGet();
                        } else {
                            recorder.answer(r, t0 - started, System.nanoTime() - t0);
                        }
                        return null;
                    }));
            if (pending.size() > 4096) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        long offeredNanos = System.nanoTime() - started;
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).orTimeout(TIMEOUT.toSeconds() * 3,
                TimeUnit.SECONDS).exceptionally(e -> null).join();
        return recorder.result(offeredNanos, System.nanoTime() - started);
    }

    /**
     * Requests at {@code perSecond} for {@code duration}, each sent at its slot of a fixed schedule
     * by one of {@code workers} threads over kept-alive connections; latency counts from the slot,
     * so a stalled service still shows as slow answers rather than as a lower rate.
     */
    public static Result paced(HttpClient http, double perSecond, Duration duration, int workers,
                               Supplier<HttpRequest> next) throws InterruptedException {
        Recorder recorder = new Recorder();
        long total = (long) (perSecond * duration.toNanos() / 1e9);
        AtomicLong slots = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                for (long slot = slots.getAndIncrement(); slot < total; slot = slots.getAndIncrement()) {
                    long due = started + (long) (slot * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    recorder.sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = http.send(next.get(), HttpResponse.BodyHandlers.ofString());
                        recorder.answer(r, due - started, System.nanoTime() - due);
                    } catch (Exception e) {
                        recorder.transportErrors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
        return recorder.result(System.nanoTime() - started, System.nanoTime() - started);
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The outcome of one answer: its status, and its Code when it has one ("400 Throttling.User"). */
    public static String outcome(int status, String body) {
        Matcher m = CODE.matcher(body);
        return m.find() ? status + " " + m.group(1) : Integer.toString(status);
    }

    private static final class Recorder {
        final AtomicLong sent = new AtomicLong();
        final AtomicInteger transportErrors = new AtomicInteger();
        final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        final List<long[]> timeline = java.util.Collections.synchronizedList(new ArrayList<>());

        void answer(HttpResponse<String> r, long sentAt, long nanos) {
            Transcript.response(r.body());
            outcomes.computeIfAbsent(outcome(r.statusCode(), r.body()), k -> new AtomicInteger()).incrementAndGet();
            timeline.add(new long[] {sentAt, nanos});
        }

        Result result(long offeredNanos, long answeredNanos) {
            List<long[]> copy;
            synchronized (timeline) {
                copy = new ArrayList<>(timeline);
            }
            long[] sorted = copy.stream().mapToLong(t -> t[1]).toArray();
            Arrays.sort(sorted);
            Map<String, Integer> counts = new TreeMap<>();
            outcomes.forEach((k, v) -> counts.put(k, v.get()));
            return new Result(sent.get(), counts, sorted, transportErrors.get(), sent.get() * 1e9 / offeredNanos,
                    sorted.length * 1e9 / answeredNanos, copy);
        }
    }
}

package dev.vodcert.server;

import dev.vodcert.protocol.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API's series on {@code /metrics}, and the JVM's (Micrometer's binders): requests by action,
 * HTTP status and error code, a latency histogram per action, throttled requests, requests the full
 * queue refused, and requests in flight. Labels are bounded: the action is a registered one or
 * {@code unknown}, the code one of the service's error codes; past {@value #MAX_REQUEST_SERIES}
 * request series a new code is counted as {@code other}. On the request path each request costs a
 * map lookup, a counter increment and a histogram record.
 */
final class ApiMetrics implements RequestObserver, AutoCloseable {
    static final int MAX_REQUEST_SERIES = 500;
    private static final Duration[] BUCKETS = {ms(1), ms(2), ms(5), ms(10), ms(25), ms(50), ms(100), ms(250),
        ms(500), ms(1000), ms(2500), ms(10_000)};

    private final MeterRegistry registry;
    private final Map<Key, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter throttled;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private record Key(String action, int status, String code) {
    }

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("vodcert.api.requests.in.flight", inFlight, AtomicInteger::get)
                .description("API requests the pipeline is answering now").register(registry);
        throttled = Counter.builder("vodcert.api.throttled")
                .description("API requests refused with Throttling.User").register(registry);
        FunctionCounter.builder("vodcert.api.queue.rejected", this, m -> QueueRefusals.count())
                .description("API requests the full request queue refused with ServiceUnavailable (this process)")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    @Override
    public void started() {
        inFlight.incrementAndGet();
    }

    @Override
    public void finished(String action, int status, String code, long nanos) {
        inFlight.decrementAndGet();
        String label = code == null ? "" : code;
        Key key = new Key(action, status, label);
        Counter counter = requests.get(key);
        if (counter == null) {
            counter = requests.size() < MAX_REQUEST_SERIES ? requests.computeIfAbsent(key, this::counter)
                    : requests.computeIfAbsent(new Key(action, status, "other"), this::counter);
        }
        counter.increment();
        latency.computeIfAbsent(action, this::timer).record(nanos, TimeUnit.NANOSECONDS);
        if (label.startsWith("Throttling")) {
            throttled.increment();
        }
    }

    private Counter counter(Key key) {
        return Counter.builder("vodcert.api.requests").description("API requests answered")
                .tags("action", key.action(), "status", Integer.toString(key.status()), "code", key.code())
                .register(registry);
    }

    private Timer timer(String action) {
        return Timer.builder("vodcert.api.request").description("Time the pipeline took to answer an API request")
                .tag("action", action).serviceLevelObjectives(BUCKETS).register(registry);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Override
    public void close() {
        gc.close();
    }
}

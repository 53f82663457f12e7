package dev.vodcert.server;

import dev.vodcert.issuance.AcmeMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ACME client's requests as cert-manager reports them, labelled {@code scheme}, {@code host},
 * {@code path}, {@code method}, {@code status}: {@value #COUNT}, a count, and
 * {@code certmanager_http_acme_client_request_duration_seconds}, a summary (a Micrometer timer).
 * The count is exposed untyped: the Prometheus client would add {@code _total} to a counter's name,
 * and the name operators query is cert-manager's, without it.
 */
final class PrometheusAcmeMetrics implements AcmeMetrics, MultiCollector {
    static final String COUNT = "certmanager_http_acme_client_request_count";
    static final String DURATION = "certmanager.http.acme.client.request.duration";

    private record Key(String scheme, String host, String path, String method, String status) {
        Labels labels() {
            return Labels.of("host", host, "method", method, "path", path, "scheme", scheme, "status", status);
        }
    }

    private final MeterRegistry registry;
    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    PrometheusAcmeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void request(String scheme, String host, String path, String method, int status, Duration latency) {
        Key key = new Key(scheme, host, path, method, Integer.toString(status));
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
        Timer.builder(DURATION).description("The HTTP request latencies in seconds for the ACME client.")
                .tags("scheme", scheme, "host", host, "path", path, "method", method, "status", key.status())
                .register(registry).record(latency);
    }

    @Override
    public MetricSnapshots collect() {
        UnknownSnapshot.Builder count = UnknownSnapshot.builder().name(COUNT)
                .help("The number of requests made by the ACME client.");
        counts.forEach((key, n) -> count.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder()
                .labels(key.labels()).value(n.sum()).build()));
        return MetricSnapshots.of(count.build());
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(COUNT);
    }
}

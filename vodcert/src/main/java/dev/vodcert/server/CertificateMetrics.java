package dev.vodcert.server;

import dev.vodcert.issuance.FreeCertStatus;
import dev.vodcert.store.FreeCertificateStore;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;

/**
 * Per-domain metrics of free certificates under cert-manager's names, read from the database at
 * each scrape (page by page), so every node reports the same:
 * {@value #EXPIRATION} and {@value #RENEWAL} (Unix seconds, for domains with an issued certificate)
 * and {@value #READY} (1 for the domain's condition among {@code True}, {@code False},
 * {@code Unknown}, 0 for the others; see {@link FreeCertStatus#readyCondition()}).
 */
final class CertificateMetrics implements MultiCollector {
    static final String EXPIRATION = "certmanager_certificate_expiration_timestamp_seconds";
    static final String RENEWAL = "certmanager_certificate_renewal_timestamp_seconds";
    static final String READY = "certmanager_certificate_ready_status";
    private static final int PAGE = 1000;
    private static final String[] CONDITIONS = {"True", "False", "Unknown"};

    private final FreeCertificateStore store;

    CertificateMetrics(FreeCertificateStore store) {
        this.store = store;
    }

    @Override
    public MetricSnapshots collect() {
        GaugeSnapshot.Builder expiration = GaugeSnapshot.builder().name(EXPIRATION)
                .help("The date after which the domain's free certificate expires, in Unix seconds.");
        GaugeSnapshot.Builder renewal = GaugeSnapshot.builder().name(RENEWAL)
                .help("The date after which the domain's free certificate is due for renewal, in Unix seconds.");
        GaugeSnapshot.Builder ready = GaugeSnapshot.builder().name(READY)
                .help("The ready status of the domain's free certificate.");
        String after = "";
        List<FreeCertificateStore.Listed> page;
        do {
            page = store.list(null, after, PAGE);
            for (FreeCertificateStore.Listed row : page) {
                Labels domain = Labels.of("domain", row.domainName());
                if (row.certNotAfter() != null) {
                    expiration.dataPoint(point(domain, row.certNotAfter() / 1000.0));
                }
                if (row.state().renewAt() != null) {
                    renewal.dataPoint(point(domain, row.state().renewAt() / 1000.0));
                }
                String condition = row.state().status().readyCondition();
                for (String c : CONDITIONS) {
                    ready.dataPoint(point(Labels.of("condition", c, "domain", row.domainName()),
                            c.equals(condition) ? 1 : 0));
                }
                after = row.domainName();
            }
        } while (page.size() == PAGE);
        return MetricSnapshots.of(expiration.build(), renewal.build(), ready.build());
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(EXPIRATION, RENEWAL, READY);
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}

package dev.vodcert.server;

import dev.vodcert.issuance.FreeCertStatus;
import dev.vodcert.store.CertificateCounts;
import dev.vodcert.store.CertificateCounts.AtRisk;
import dev.vodcert.store.CertificateCounts.Counts;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificate metrics whose size does not grow with the number of domains: aggregate gauges
 * computed by SQL ({@link CertificateCounts}) and, under cert-manager's per-domain names
 * ({@value #EXPIRATION}, {@value #RENEWAL}, {@value #READY}), series only for the domains an
 * operator must look at: a certificate expiring within {@link #AT_RISK_WITHIN} (or expired), or a
 * failing free certificate, at most {@value #SERIES_CAP} of them (the soonest expiries first;
 * {@value #CAPPED} says when some were left out). A scrape at 1,000,000 domains stays a few
 * kilobytes.
 *
 * <p>The figures are computed at most every {@link #FRESH} by the service clock: a scrape within
 * that time answers the last figures; a later one answers them too and starts a refresh in the
 * background, which the next scrape answers. Only the first scrape of a node waits for the
 * aggregates (seconds at 1,000,000 domains, bench/README.md); after it, a scrape only renders kept
 * figures, and {@value #COUNTED_AT} says when they were counted. Every node reports what the
 * database holds.
 */
final class CertificateMetrics implements MultiCollector {
    static final String EXPIRATION = "certmanager_certificate_expiration_timestamp_seconds";
    static final String RENEWAL = "certmanager_certificate_renewal_timestamp_seconds";
    static final String READY = "certmanager_certificate_ready_status";
    static final String DOMAINS = "vodcert_domains";
    static final String FREE = "vodcert_free_certificates";
    static final String CERTIFICATES = "vodcert_certificates";
    static final String EXPIRING = "vodcert_certificates_expiring";
    static final String EARLIEST = "vodcert_certificate_earliest_expiration_timestamp_seconds";
    static final String CAPPED = "vodcert_certificate_series_capped";
    static final int SERIES_CAP = 500;
    static final Duration AT_RISK_WITHIN = Duration.ofDays(14);
    static final Duration FRESH = Duration.ofSeconds(5);
    static final String COUNTED_AT = "vodcert_certificate_figures_timestamp_seconds";
    private static final Logger LOG = LoggerFactory.getLogger(CertificateMetrics.class);
    private static final String[] CONDITIONS = {"True", "False", "Unknown"};

    private record Figures(long at, Counts counts, List<AtRisk> atRisk) {
    }

    private final CertificateCounts store;
    private final Clock clock;
    private final int seriesCap;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Figures last;

    CertificateMetrics(CertificateCounts store, Clock clock) {
        this(store, clock, SERIES_CAP);
    }

    /** @param seriesCap the most domains with series of their own (tests use a small one) */
    CertificateMetrics(CertificateCounts store, Clock clock, int seriesCap) {
        this.store = store;
        this.clock = clock;
        this.seriesCap = seriesCap;
    }

    @Override
    public MetricSnapshots collect() {
        Figures f = last;
        long now = clock.millis();
        if (f == null) {
            f = refresh();
        } else if (now - f.at() >= FRESH.toMillis() && refreshing.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    LOG.warn("Certificate metrics not refreshed: {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            }, "vodcert-metrics-refresh");
            t.setDaemon(true);
            t.start();
        }
        return snapshots(f);
    }

    private Figures refresh() {
        long now = clock.millis();
        Figures f = new Figures(now, store.counts(now), store.atRisk(now + AT_RISK_WITHIN.toMillis(), seriesCap + 1));
        last = f;
        return f;
    }

    private MetricSnapshots snapshots(Figures f) {
        Counts c = f.counts();
        List<MetricSnapshot> out = new ArrayList<>(perDomain(f.atRisk()));
        out.add(labelled(DOMAINS, "Accelerated domains by HTTPS on or off.", "https", c.domainsByHttps()));
        out.add(labelled(FREE, "Domains with a free certificate, by its status.", "status", c.domainsByFree()));
        out.add(labelled(CERTIFICATES, "Stored certificates by type (upload, free, cas).", "type",
                c.certificatesByType()));
        out.add(labelled(EXPIRING, "Certificates that domains serve, expired or expiring within the window from now.",
                "within", c.expiring()));
        GaugeSnapshot.Builder earliest = gauge(EARLIEST, "The earliest expiry of a certificate a domain serves, "
                + "in Unix seconds (no sample when no domain serves one).");
        if (c.earliestExpiry() != null) {
            earliest.dataPoint(point(Labels.EMPTY, c.earliestExpiry() / 1000.0));
        }
        out.add(earliest.build());
        out.add(gauge(CAPPED, "1 when more than " + seriesCap + " domains qualified for per-domain series "
                + "(expiring within 14 days or failing) and some were left out.")
                .dataPoint(point(Labels.EMPTY, f.atRisk().size() > seriesCap ? 1 : 0)).build());
        out.add(gauge(COUNTED_AT, "When the figures of this scrape were counted, in Unix seconds.")
                .dataPoint(point(Labels.EMPTY, f.at() / 1000.0)).build());
        return MetricSnapshots.of(out.toArray(new MetricSnapshot[0]));
    }

    private List<GaugeSnapshot> perDomain(List<AtRisk> atRisk) {
        GaugeSnapshot.Builder expiration = gauge(EXPIRATION, "The date after which the domain's certificate expires, "
                + "in Unix seconds (domains expiring within 14 days or failing only).");
        GaugeSnapshot.Builder renewal = gauge(RENEWAL, "The date after which the domain's free certificate is due for "
                + "renewal, in Unix seconds (domains expiring within 14 days or failing only).");
        GaugeSnapshot.Builder ready = gauge(READY, "The ready status of the domain's free certificate (domains "
                + "expiring within 14 days or failing only).");
        for (AtRisk row : atRisk.subList(0, Math.min(seriesCap, atRisk.size()))) {
            Labels domain = Labels.of("domain", row.domainName());
            if (row.notAfter() != null) {
                expiration.dataPoint(point(domain, row.notAfter() / 1000.0));
            }
            if (row.renewAt() != null) {
                renewal.dataPoint(point(domain, row.renewAt() / 1000.0));
            }
            if (row.freeStatus() != null) {
                String condition = FreeCertStatus.of(row.freeStatus()).readyCondition();
                for (String c : CONDITIONS) {
                    ready.dataPoint(point(Labels.of("condition", c, "domain", row.domainName()),
                            c.equals(condition) ? 1 : 0));
                }
            }
        }
        return List.of(expiration.build(), renewal.build(), ready.build());
    }

    private static GaugeSnapshot labelled(String name, String help, String label, Map<String, Long> values) {
        GaugeSnapshot.Builder b = gauge(name, help);
        values.forEach((k, v) -> b.dataPoint(point(Labels.of(label, k), v)));
        return b.build();
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(EXPIRATION, RENEWAL, READY, DOMAINS, FREE, CERTIFICATES, EXPIRING, EARLIEST, CAPPED,
                COUNTED_AT);
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}

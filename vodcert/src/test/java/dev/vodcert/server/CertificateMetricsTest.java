package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.store.CertificateCounts;
import dev.vodcert.store.Database;
import dev.vodcert.testing.TestClock;
import dev.vodcert.testing.TestDatabases;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bounds of the certificate metrics: per-domain series for at most the cap (the rest said by
 * {@code vodcert_certificate_series_capped}), and figures kept for a few seconds, then refreshed
 * behind a scrape (only a node's first scrape waits for them).
 */
class CertificateMetricsTest {
    private final Database db = TestDatabases.h2();
    private final Jdbi jdbi = db.jdbi();
    private final TestClock clock = TestClock.atNow();
    private final long account = jdbi.withHandle(h -> h.createUpdate("INSERT INTO account (name, created_at) "
            + "VALUES ('metrics', 0)").executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    private int domains;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void perDomainSeriesStopAtTheCapAndSaySo() {
        for (int i = 0; i < 3; i++) {
            failing();
        }
        MetricSnapshots s = new CertificateMetrics(new CertificateCounts(jdbi), clock, 2).collect();
        assertThat(domainsWithSeries(s)).containsExactly("d1.vodcert-test.com", "d2.vodcert-test.com");
        assertThat(value(s, CertificateMetrics.CAPPED, Labels.EMPTY)).isEqualTo(1);
        assertThat(value(s, CertificateMetrics.FREE, Labels.of("status", "cname_error"))).isEqualTo(3);

        s = new CertificateMetrics(new CertificateCounts(jdbi), clock, 3).collect();
        assertThat(domainsWithSeries(s)).hasSize(3);
        assertThat(value(s, CertificateMetrics.CAPPED, Labels.EMPTY)).isZero();
    }

    @Test
    void figuresAreKeptForSecondsAndRefreshedBehindAScrape() throws Exception {
        CertificateMetrics metrics = new CertificateMetrics(new CertificateCounts(jdbi), clock);
        failing();
        assertThat(failingCount(metrics)).isEqualTo(1);
        failing();
        assertThat(failingCount(metrics)).isEqualTo(1); // within the fresh time: the figures kept

        clock.advance(CertificateMetrics.FRESH);
        assertThat(failingCount(metrics)).isEqualTo(1); // due: answered at once, refreshed behind
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (failingCount(metrics) != 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(failingCount(metrics)).isEqualTo(2);
        assertThat(value(metrics.collect(), CertificateMetrics.COUNTED_AT, Labels.EMPTY))
                .isEqualTo(clock.millis() / 1000.0);
    }

    private void failing() {
        String name = "d" + (++domains) + ".vodcert-test.com";
        jdbi.useHandle(h -> {
            long id = h.createUpdate("INSERT INTO vod_domain (account_id, domain_name, cname, domain_status, scope, "
                            + "sources, ssl_protocol, free_status, gmt_created, gmt_modified) VALUES (:account, :name, "
                            + "'c', 'online', 'domestic', '[]', 'off', 'cname_error', 1, 1)")
                    .bind("account", account).bind("name", name).executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one();
            h.createUpdate("INSERT INTO free_certificate (domain_id, status, attempts, checks, next_attempt_at, "
                    + "lease_expires_at, created_at, updated_at) VALUES (:id, 'cname_error', 0, 1, 0, 0, 0, 0)")
                    .bind("id", id).execute();
        });
    }

    private static double failingCount(CertificateMetrics metrics) {
        return value(metrics.collect(), CertificateMetrics.FREE, Labels.of("status", "cname_error"));
    }

    private static List<String> domainsWithSeries(MetricSnapshots s) {
        return gauge(s, CertificateMetrics.READY).getDataPoints().stream()
                .filter(p -> p.getLabels().get("condition").equals("False"))
                .map(p -> p.getLabels().get("domain")).toList();
    }

    private static double value(MetricSnapshots s, String name, Labels labels) {
        return gauge(s, name).getDataPoints().stream().filter(p -> p.getLabels().equals(labels))
                .mapToDouble(GaugeSnapshot.GaugeDataPointSnapshot::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + labels));
    }

    private static GaugeSnapshot gauge(MetricSnapshots s, String name) {
        for (MetricSnapshot m : s) {
            if (m.getMetadata().getPrometheusName().equals(name)) {
                return (GaugeSnapshot) m;
            }
        }
        throw new AssertionError("no metric " + name);
    }
}

package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.Main;
import dev.vodcert.certificate.PemParser;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.FreeCertServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What operators see of free certificates: the admin endpoint (last check's observed CNAME,
 * resolver and error, attempts, next attempt), Prometheus metrics (aggregates, and cert-manager's
 * per-domain names for the domains expiring soon or failing), the
 * {@code certs status} command, and the admin token.
 */
class OperatorViewTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static DnsTestServer dns;

    @BeforeAll
    static void startDns() {
        dns = new DnsTestServer();
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    private static String name(String prefix) {
        return prefix + NEXT.incrementAndGet() + ".vodcert-test.com";
    }

    @Test
    void theAdminEndpointSaysWhyADomainIsWhereItIs() {
        try (FreeCertServer s = new FreeCertServer(dns, null)) {
            String wrong = name("why");
            s.addDomain(wrong);
            dns.setCname(wrong, "old-cdn.example.net");
            s.requestFree(wrong);
            s.runOnce();

            JsonNode r = s.report(wrong);
            assertThat(r.path("domainName").asText()).isEqualTo(wrong);
            assertThat(r.path("status").asText()).isEqualTo("cname_error");
            assertThat(r.path("domainCnameStatus").asText()).isEqualTo("cname_error");
            assertThat(r.path("observedCname").asText()).isEqualTo("old-cdn.example.net");
            assertThat(r.path("resolver").asText()).isEqualTo(dns.resolver());
            assertThat(r.path("lastError").asText()).contains("is a CNAME to old-cdn.example.net");
            assertThat(r.path("attempts").asInt()).isZero();
            assertThat(r.path("failedChecks").asInt()).isEqualTo(1);
            assertThat(Instant.parse(r.path("nextAttempt").asText())).isEqualTo(s.clock.instant().plusSeconds(60));
            assertThat(Instant.parse(r.path("lastChecked").asText())).isEqualTo(s.clock.instant());

            String ok = name("fine");
            dns.setCname(ok, s.addDomain(ok).cname());
            s.requestFree(ok);
            s.runOnce();
            HttpResponse<String> all = s.admin("/admin/free-certificates");
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.headers().firstValue("content-type").orElse("")).startsWith("application/json");
            assertThat(all.body()).contains(wrong).contains(ok);
        }
    }

    @Test
    void metricsCountEveryDomainAndNameOnlyThoseExpiringSoonOrFailing() throws InterruptedException {
        try (FreeCertServer s = new FreeCertServer(dns, null)) {
            String ok = name("metric");
            dns.setCname(ok, s.addDomain(ok).cname());
            String bad = name("badmetric");
            s.addDomain(bad);
            s.addDomain(name("plain"));
            s.requestFree(ok);
            s.requestFree(bad);
            s.runOnce();
            X509Certificate leaf = PemParser.parseChain(s.issued.get(0).chainPem()).get(0);
            Instant renewAt = Instant.parse(s.report(ok).path("renewAt").asText());
            long notAfter = leaf.getNotAfter().toInstant().getEpochSecond();

            HttpResponse<String> metrics = s.admin("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
            String text = metrics.body();
            assertThat(value(text, "vodcert_domains{https=\"on\"}")).isEqualTo(1);
            assertThat(value(text, "vodcert_domains{https=\"off\"}")).isEqualTo(2);
            assertThat(value(text, "vodcert_free_certificates{status=\"success\"}")).isEqualTo(1);
            assertThat(value(text, "vodcert_free_certificates{status=\"cname_error\"}")).isEqualTo(1);
            assertThat(value(text, "vodcert_certificates{type=\"free\"}")).isEqualTo(1);
            assertThat(value(text, "vodcert_certificates_expiring{within=\"14d\"}")).isZero();
            assertThat(value(text, "vodcert_certificate_earliest_expiration_timestamp_seconds")).isEqualTo(notAfter);
            assertThat(value(text, "vodcert_certificate_series_capped")).isZero();
            // a certificate in effect for weeks yet gets no series of its own; a failing one does
            assertThat(text).doesNotContain("domain=\"" + ok + "\"");
            assertThat(value(text, "certmanager_certificate_ready_status{condition=\"False\",domain=\"" + bad + "\"}"))
                    .isEqualTo(1);
            assertThat(text).doesNotContain("certmanager_certificate_expiration_timestamp_seconds{domain=\"" + bad);

            // 80 days on, the certificate expires within 14 days: once the figures are counted again
            // (behind the first scrape after they are due), it has its series
            s.clock.advance(java.time.Duration.ofDays(80));
            text = s.admin("/metrics").body();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!text.contains("vodcert_certificates_expiring{within=\"14d\"} 1") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                text = s.admin("/metrics").body();
            }
            assertThat(value(text, "vodcert_certificates_expiring{within=\"14d\"}")).isEqualTo(1);
            assertThat(value(text, "vodcert_certificates_expiring{within=\"7d\"}")).isZero();
            assertThat(value(text, "certmanager_certificate_expiration_timestamp_seconds{domain=\"" + ok + "\"}"))
                    .isEqualTo(notAfter);
            assertThat(value(text, "certmanager_certificate_renewal_timestamp_seconds{domain=\"" + ok + "\"}"))
                    .isEqualTo(renewAt.getEpochSecond());
            assertThat(value(text, "certmanager_certificate_ready_status{condition=\"True\",domain=\"" + ok + "\"}"))
                    .isEqualTo(1);
            assertThat(value(text, "certmanager_certificate_ready_status{condition=\"False\",domain=\"" + ok + "\"}"))
                    .isZero();
        }
    }

    @Test
    void acmeRequestsAreCountedAndTimedWithCertManagersNames() {
        io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry =
                new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        PrometheusAcmeMetrics acme = new PrometheusAcmeMetrics(registry);
        registry.getPrometheusRegistry().register(acme);
        acme.request("https", "acme.example", "/acme/new-order", "POST", 201, java.time.Duration.ofMillis(120));
        acme.request("https", "acme.example", "/acme/new-order", "POST", 201, java.time.Duration.ofMillis(80));
        acme.request("https", "acme.example", "/directory", "GET", 200, java.time.Duration.ofMillis(10));
        String text = registry.scrape();
        String labels = "{host=\"acme.example\",method=\"POST\",path=\"/acme/new-order\",scheme=\"https\",status=\"201\"}";
        assertThat(value(text, "certmanager_http_acme_client_request_count" + labels)).isEqualTo(2);
        assertThat(value(text, "certmanager_http_acme_client_request_duration_seconds_count" + labels)).isEqualTo(2);
        assertThat(text).contains("certmanager_http_acme_client_request_duration_seconds_sum" + labels + " 0.2");
        assertThat(text).doesNotContain("certmanager_http_acme_client_request_count_total");
    }

    @Test
    void withATokenTheAdminListenerRefusesRequestsWithoutIt() {
        try (FreeCertServer s = new FreeCertServer(dns, "operator-token-1")) {
            assertThat(s.admin("/metrics", null).statusCode()).isEqualTo(401);
            assertThat(s.admin("/admin/free-certificates", "wrong").statusCode()).isEqualTo(401);
            assertThat(s.admin("/metrics").statusCode()).isEqualTo(200);
            assertThat(s.admin("/admin/free-certificates").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theCertsStatusCommandShowsTheSameOnAStoppedService() {
        String name = name("cli");
        try (FreeCertServer s = new FreeCertServer(dns, null)) {
            s.addDomain(name);
            dns.setServfail(name);
            s.requestFree(name);
            s.runOnce();
            java.nio.file.Path data = s.server.dataDir();
            s.server.stop();
            String out = run(0, "certs", "status", "--data", data.toString());
            assertThat(out).contains(name).contains("status: checking").contains("resolver: " + dns.resolver())
                    .contains("last error: DNS query for " + name + " answered SERVFAIL").contains("next attempt: 20");
            assertThat(run(0, "certs", "status", "--domain", name.toUpperCase(), "--data", data.toString()))
                    .contains(name);
            assertThat(run(1, "certs", "status", "--domain", "nobody.vodcert-test.com", "--data", data.toString()))
                    .contains("No free certificate for nobody.vodcert-test.com.");
        } finally {
            dns.clearServfail(name);
        }
    }

    private static String run(int expectedExit, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new Main()).execute(args)).isEqualTo(expectedExit);
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The value of one sample line of the Prometheus text format. */
    private static double value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no sample " + series + " in\n" + text);
    }
}

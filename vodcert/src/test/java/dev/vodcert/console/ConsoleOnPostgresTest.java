package dev.vodcert.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.server.IssuanceConfig;
import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's and the metrics' SQL on PostgreSQL (aggregates, per-day counts, keyset pages with a
 * {@code LIKE ... ESCAPE} search, one domain): a node on PostgreSQL without an admin token (loopback)
 * answers every page and the counts of what was seeded through the API.
 */
class ConsoleOnPostgresTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyPageAndTheMetricsAnswerOnPostgres() throws Exception {
        String jdbcUrl = EmbeddedPostgresServer.shared().newDatabase();
        try (TestServer server = new TestServer(Clock.systemUTC(), c -> TestServer.postgres(jdbcUrl).apply(c)
                .withIssuance(IssuanceConfig.defaults().withRunLoop(false)))) {
            SignedClient client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            String withCert = "pg-1-console.vodcert-test.com";
            for (String name : new String[] {withCert, "pg-2-console.vodcert-test.com"}) {
                assertThat(client.call("AddVodDomain", Map.of("DomainName", name, "Sources",
                        "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]")).status())
                        .isEqualTo(200);
            }
            Issued cert = TestCertificates.certificate().dns(withCert)
                    .validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3))).issue();
            assertThat(client.call("SetVodDomainSSLCertificate", Map.of("DomainName", withCert, "SSLProtocol", "on",
                    "CertType", "upload", "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8())).status())
                    .isEqualTo(200);
            String base = "http://127.0.0.1:" + server.app().adminPort();

            String overview = get(base + "/console");
            assertThat(overview).contains("id=\"count-domains\">2<").contains("id=\"count-expiring-7d\">1<");
            assertThat(get(base + "/console/timeline")).contains("data-count=\"1\"");
            String found = get(base + "/console/domains?q=pg-1");
            assertThat(found).contains(withCert).doesNotContain("pg-2-console");
            // "%" and "_" are characters to find, not LIKE's wildcards: no name holds them
            for (String wildcard : new String[] {"%", "pg_"}) {
                assertThat(get(base + "/console/domains?q=" + URLEncoder.encode(wildcard, StandardCharsets.UTF_8)))
                        .contains("No domain.").doesNotContain("pg-2-console");
            }
            assertThat(get(base + "/console/domain?name=" + withCert)).contains(cert.cert().getSerialNumber()
                    .toString(16).toUpperCase());
            String metrics = get(base + "/metrics");
            assertThat(metrics).contains("vodcert_certificates_expiring{within=\"7d\"} 1.0")
                    .contains("certmanager_certificate_expiration_timestamp_seconds{domain=\"" + withCert + "\"}");
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}

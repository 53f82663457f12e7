package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.ChildVodcert;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.Load;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak, not part of the default suite:
 * {@code mvn -o test -Dtest=SoakTest -Dvodcert.soak.minutes=10}. vodcert runs as a child JVM
 * (512 MB heap) with a domain and a certificate; the sustainable rate of a read-mostly mix is
 * measured (8 callers in a closed loop), then 70% of it is offered for the given minutes (paced by 32
 * workers over kept-alive connections, see {@link Load#paced}) while the child's resident memory is
 * sampled every 10 seconds. It passes when every request succeeded and the resident memory at the
 * end is within 10% of where it was after the first minute. The figures are printed for SECURITY.md.
 */
@EnabledIfSystemProperty(named = "vodcert.soak.minutes", matches = "\\d+")
class SoakTest {
    private static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";

    @TempDir
    Path data;

    @Test
    void seventyPercentOfTheSustainableRateForMinutesWithNoErrorAndFlatMemory() throws Exception {
        int minutes = Integer.getInteger("vodcert.soak.minutes");
        try (ChildVodcert child = ChildVodcert.start(data, "512m", "--admin-port", "-1")) {
            SignedClient client = new SignedClient(child.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            String domain = "soak.vodcert-test.com";
            Issued cert = TestCertificates.issue(domain);
            assertThat(client.call("AddVodDomain", Map.of("DomainName", domain, "Sources", SOURCES)).status())
                    .isEqualTo(200);
            Map<String, String> upload = new LinkedHashMap<>();
            upload.put("DomainName", domain);
            upload.put("SSLProtocol", "on");
            upload.put("SSLPub", cert.chainPem());
            upload.put("SSLPri", cert.keyPemPkcs8());
            assertThat(client.call("SetVodDomainCertificate", upload).status()).isEqualTo(200);
            AtomicInteger turn = new AtomicInteger();
            Supplier<HttpRequest> mix = () -> switch (turn.incrementAndGet() % 10) {
                case 0 -> client.request("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "on"));
                case 1, 2 -> client.request("DescribeVodDomainDetail", Map.of("DomainName", domain));
                default -> client.request("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain));
            };
            HttpClient http = Load.client();
            Load.closedLoop(http, 8, Duration.ofSeconds(20), mix);
            Load.Result sustained = Load.closedLoop(http, 8, Duration.ofSeconds(30), mix);
            assertThat(sustained.outcomes().keySet()).as(sustained.toString()).containsOnly("200");
            double rate = 0.7 * sustained.answeredPerSecond();
            System.out.printf("soak: sustainable %.0f/s (%s); offering %.0f/s for %d minutes%n",
                    sustained.answeredPerSecond(), sustained, rate, minutes);

            List<Long> rss = new ArrayList<>();
            List<Load.Result> slices = new ArrayList<>();
            long rssAfterFirstMinute = 0;
            for (int slice = 1; slice <= minutes * 6; slice++) {
                Load.Result result = Load.paced(http, rate, Duration.ofSeconds(10), 32, mix);
                slices.add(result);
                long kib = child.rssKib();
                rss.add(kib);
                if (slice == 6) {
                    rssAfterFirstMinute = kib;
                }
                System.out.printf("soak: %3d s: %s; RSS %d MiB%n", slice * 10, result, kib / 1024);
                assertThat(result.transportErrors()).as(result.toString()).isZero();
                assertThat(result.outcomes().keySet()).as(result.toString()).containsOnly("200");
            }
            long last = rss.get(rss.size() - 1);
            long sent = slices.stream().mapToLong(Load.Result::sent).sum();
            System.out.printf("soak: done: %d requests, all 200; RSS after 1 minute %d MiB, at the end %d MiB"
                    + " (%+.1f%%), highest %d MiB%n", sent, rssAfterFirstMinute / 1024, last / 1024,
                    100.0 * (last - rssAfterFirstMinute) / rssAfterFirstMinute,
                    rss.stream().mapToLong(Long::longValue).max().orElse(0) / 1024);
            assertThat(child.alive()).isTrue();
            assertThat((double) last).as("RSS at the end within 10%% of after the first minute: %s", rss)
                    .isBetween(0.9 * rssAfterFirstMinute, 1.1 * rssAfterFirstMinute);
        }
    }
}

package dev.vodcert.api.cas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestClock;
import dev.vodcert.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time-driven answers of the store, on a server whose clock the test sets (requests are signed
 * with that clock's time too): {@code Expired}, {@code Status} and the list's status filters
 * follow NotAfter, inclusive; an expired stored certificate cannot be set on a domain.
 */
class ExpiryTest extends CasTestBase {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Override
    TestServer newServer() {
        return new TestServer(clock);
    }

    @Test
    void statusFollowsNotAfterAndAnExpiredCertificateCannotBeSet() {
        String parent = uniqueParent();
        String used = addDomainAt("a." + parent);
        String later = addDomainAt("b." + parent);
        Instant start = clock.instant();
        Instant notAfter = start.plus(Duration.ofDays(10));
        Issued cert = TestCertificates.certificate().dns("*." + parent).validity(start.minus(Duration.ofDays(80)),
                notAfter).issue();
        String name = unique("expiring-");
        long id = ok(call(vod, "2020-04-07", "UploadUserCertificate", Map.of("Name", name, "Cert", cert.chainPem(),
                "Key", cert.keyPemPkcs8()))).json().path("CertId").asLong();
        ok(call(vod, "2017-03-21", "SetVodDomainSSLCertificate", Map.of("DomainName", used, "SSLProtocol", "on",
                "CertType", "cas", "CertId", Long.toString(id))));

        assertThat(status(name, null)).isEqualTo("WILLEXPIRED");
        assertThat(detail(id).path("Expired").asBoolean()).isFalse();

        clock.set(notAfter);
        assertThat(status(name, null)).isEqualTo("WILLEXPIRED");
        assertThat(detail(id).path("Expired").asBoolean()).isFalse();

        clock.set(notAfter.plusSeconds(1));
        assertThat(count(name, null)).isZero();
        assertThat(count(name, "WILLEXPIRED")).isZero();
        assertThat(status(name, "EXPIRED")).isEqualTo("EXPIRED");
        assertThat(detail(id).path("Expired").asBoolean()).isTrue();

        Answer refused = refused(call(vod, "2017-03-21", "SetVodDomainSSLCertificate", Map.of("DomainName", later,
                "SSLProtocol", "on", "CertType", "cas", "CertId", Long.toString(id))), 400, "InvalidParameter");
        assertThat(message(refused)).contains("\"CertId\"").contains("expired at");
        JsonNode laterInfo = ok(call(vod, "2017-03-21", "DescribeVodDomainCertificateInfo",
                Map.of("DomainName", later))).json().path("CertInfos").path("CertInfo").get(0);
        assertThat(laterInfo.path("CertType").asText()).isEmpty();
        // the domain that already used it keeps it: reads never change what is stored
        JsonNode usedInfo = ok(call(vod, "2017-03-21", "DescribeVodDomainCertificateInfo",
                Map.of("DomainName", used))).json().path("CertInfos").path("CertInfo").get(0);
        assertThat(usedInfo.path("CertId").asText()).isEqualTo(Long.toString(id));
    }

    private String addDomainAt(String name) {
        ok(call(vod, "2017-03-21", "AddVodDomain", Map.of("DomainName", name, "Sources", SOURCES)));
        return name;
    }

    private JsonNode detail(long id) {
        return ok(call(vod, "2020-04-07", "GetUserCertificateDetail", Map.of("CertId", Long.toString(id)))).json();
    }

    private String status(String keyword, String status) {
        JsonNode list = list(keyword, status);
        assertThat(list.path("TotalCount").asLong()).isEqualTo(1);
        JsonNode item = list.path("CertificateOrderList").get(0);
        assertThat(item.path("Expired").asBoolean()).isEqualTo("EXPIRED".equals(item.path("Status").asText()));
        return item.path("Status").asText();
    }

    private long count(String keyword, String status) {
        return list(keyword, status).path("TotalCount").asLong();
    }

    private JsonNode list(String keyword, String status) {
        Map<String, String> p = new HashMap<>(Map.of("OrderType", "CERT", "Keyword", keyword));
        if (status != null) {
            p.put("Status", status);
        }
        return ok(call(vod, "2020-04-07", "ListUserCertificateOrder", p)).json();
    }

    /** A call signed with the server clock's time, as a client on that clock would. */
    private Answer call(SignedClient client, String version, String action, Map<String, String> params) {
        return client.call("POST", false, action, params, p -> {
            p.put("Version", version);
            p.put("Timestamp", TIMESTAMP.format(clock.instant()));
        });
    }

}

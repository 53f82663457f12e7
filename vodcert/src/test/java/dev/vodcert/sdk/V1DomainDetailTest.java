package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainDetailResponse.DomainDetail;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainDetailResponse.DomainDetail.Source;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DescribeVodDomainDetail through the V1 SDK, JSON and XML (spec §9.9): SSLPub and CertName only while HTTPS is on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1DomainDetailTest {
    private TestServer server;
    private V1 sdk;

    @BeforeAll
    void start() {
        server = new TestServer();
        sdk = V1.of(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String domain(String label, FormatType format) {
        return Sdk.domain(label + "-" + format.name().toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void newDomainIsDescribedWithItsCnameAndOrigin(FormatType format) throws Exception {
        V1 client = sdk.as(format);
        String domain = domain("detail", format);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        client.add(domain);
        Instant after = Instant.now();

        DomainDetail d = client.detail(domain);
        assertThat(d.getDomainName()).isEqualTo(domain);
        assertThat(d.getCname()).isEqualTo(domain + ".w.alikunlun.com");
        assertThat(d.getDomainStatus()).isEqualTo("online");
        assertThat(d.getScope()).as("the documented default").isEqualTo("domestic");
        assertThat(d.getSSLProtocol()).isEqualTo("off");
        assertThat(d.getSSLPub()).isNull();
        assertThat(d.getCertName()).isNull();
        assertThat(d.getGmtCreated()).matches(Sdk.WIRE_TIME);
        assertThat(Instant.parse(d.getGmtCreated())).isBetween(before, after);
        assertThat(d.getGmtModified()).isEqualTo(d.getGmtCreated());
        assertThat(d.getSources()).hasSize(1);
        Source s = d.getSources().get(0);
        assertThat(s.getType()).isEqualTo("ipaddr");
        assertThat(s.getContent()).isEqualTo("1.1.1.1");
        assertThat(s.getPriority()).isEqualTo("20");
        assertThat(s.getPort()).isEqualTo(80);
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void sslPubAndCertNameShowOnlyWhileHttpsIsOn(FormatType format) throws Exception {
        V1 client = sdk.as(format);
        String domain = domain("ssl", format);
        Issued cert = TestCertificates.issue(domain);
        client.add(domain);
        client.upload(domain, cert, "detail-cert");

        DomainDetail on = client.detail(domain);
        assertThat(on.getSSLProtocol()).isEqualTo("on");
        assertThat(on.getCertName()).isEqualTo("detail-cert");
        assertThat(on.getSSLPub()).isNotNull();
        assertThat(Sdk.certificates(on.getSSLPub())).as("SSLPub is the uploaded chain, leaf first")
                .containsExactlyElementsOf(cert.chain());
        assertThat(on.getSSLPub()).doesNotContain("PRIVATE KEY");

        client.https(domain, "off");
        DomainDetail off = client.detail(domain);
        assertThat(off.getSSLProtocol()).isEqualTo("off");
        assertThat(off.getSSLPub()).isNull();
        assertThat(off.getCertName()).isNull();
        assertThat(Instant.parse(off.getGmtModified())).isAfterOrEqualTo(Instant.parse(off.getGmtCreated()));
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void answersInTheFormatAskedFor(FormatType format) throws Exception {
        V1 client = sdk.as(format);
        String domain = domain("format", format);
        client.add(domain);

        HttpResponse raw = client.client.doAction(client.detailRequest(domain));
        String body = new String(raw.getHttpContent(), StandardCharsets.UTF_8);
        assertThat(raw.getStatus()).isEqualTo(200);
        if (format == FormatType.XML) {
            assertThat(raw.getHeaderValue("Content-Type")).isEqualTo("text/xml;charset=utf-8");
            assertThat(body).startsWith("<?xml").contains("<DescribeVodDomainDetailResponse>")
                    .contains("<Sources><Source>");
        } else {
            assertThat(raw.getHeaderValue("Content-Type")).isEqualTo("application/json;charset=utf-8");
            assertThat(body).startsWith("{").contains("\"Sources\":{\"Source\":[{");
        }
    }
}

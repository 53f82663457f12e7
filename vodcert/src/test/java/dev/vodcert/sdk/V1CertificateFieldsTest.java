package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.http.FormatType;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoResponse.CertInfo;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One CertInfo field at a time, read by the V1 SDK in JSON and XML: CertDomainName for wildcard and
 * SAN-only certificates, CertLife and CertOrg of other certificates, and CertName text that V1's
 * JSON reader would mangle if it were escaped (spec §1.2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1CertificateFieldsTest {
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

    private CertInfo uploadAndDescribe(FormatType format, String domain, Issued cert, String certName)
            throws Exception {
        V1 client = sdk.as(format);
        client.add(domain);
        client.upload(domain, cert, certName);
        var infos = client.info(domain).getCertInfos();
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0).getDomainName()).isEqualTo(domain);
        return infos.get(0);
    }

    private static String base(String label, FormatType format) {
        return Sdk.domain(label + "-" + format.name().toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void wildcardCertificateReportsTheWildcardName(FormatType format) throws Exception {
        String parent = base("wild", format);
        String domain = "video." + parent;
        CertInfo info = uploadAndDescribe(format, domain, TestCertificates.issue("*." + parent), "wild");
        assertThat(info.getCertDomainName()).isEqualTo("*." + parent);
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void certDomainNameIsTheSanThatMatchesNotTheCommonName(FormatType format) throws Exception {
        String domain = base("san", format);
        Issued cert = TestCertificates.certificate().cn("other-" + domain).dns("other-" + domain, domain).issue();
        CertInfo info = uploadAndDescribe(format, domain, cert, "san");
        assertThat(info.getCertDomainName()).isEqualTo(domain);
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void oneYearEcCertificateFromAnotherCa(FormatType format) throws Exception {
        String domain = base("ec", format);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2));
        Issued cert = TestCertificates.certificate().key(TestCertificates.ec("secp384r1")).dns(domain)
                .validity(start, start.plus(Duration.ofDays(365)))
                .issuer(TestCertificates.newCa("CN=Year CA,O=Year Issuer Inc")).issue();
        CertInfo info = uploadAndDescribe(format, domain, cert, "ec");
        assertThat(info.getCertLife()).isEqualTo("1 year");
        assertThat(info.getCertOrg()).isEqualTo("Year Issuer Inc");
        assertThat(info.getCertExpireTime()).isEqualTo(Sdk.wireTime(cert.cert().getNotAfter()))
                .isEqualTo(Sdk.wireTime(java.util.Date.from(start.plus(Duration.ofDays(365)))));
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void certNameWithChineseQuoteAndMarkupRoundTrips(FormatType format) throws Exception {
        String domain = base("unicode", format);
        String name = "中文证书 Let's <b>&\"x\"=1";
        CertInfo info = uploadAndDescribe(format, domain, TestCertificates.issue(domain), name);
        assertThat(info.getCertName()).isEqualTo(name);
        assertThat(sdk.as(format).detail(domain).getCertName()).isEqualTo(name);
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void certNameLeftOutIsNamedAfterTheDomainAsInTheDocExample(FormatType format) throws Exception {
        String domain = base("noname", format);
        CertInfo info = uploadAndDescribe(format, domain, TestCertificates.issue(domain), null);
        assertThat(info.getCertName()).isEqualTo("cert-" + domain);
    }
}

package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.http.FormatType;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoResponse;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoResponse.CertInfo;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DescribeVodDomainCertificateInfo through the V1 SDK's own model, in JSON and in XML: the one
 * CertInfo of a domain follows its uploaded certificate and its HTTPS switch (spec §9.1, §9.2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1CertificateInfoTest {
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

    /** The single CertInfo of the domain. */
    private CertInfo onlyCertInfo(V1 client, String domain) throws Exception {
        DescribeVodDomainCertificateInfoResponse response = client.info(domain);
        assertThat(response.getRequestId()).matches(Sdk.REQUEST_ID);
        assertThat(response.getCertInfos()).hasSize(1);
        return response.getCertInfos().get(0);
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void uploadedCertificateIsDescribedFromTheCertificate(FormatType format) throws Exception {
        V1 client = sdk.as(format);
        String domain = domain("upload", format);
        Issued cert = TestCertificates.issue(domain, "www." + domain);
        client.add(domain);
        client.upload(domain, cert, "cert-" + domain);

        CertInfo info = onlyCertInfo(client, domain);
        assertThat(info.getDomainName()).isEqualTo(domain);
        assertThat(info.getCertName()).isEqualTo("cert-" + domain);
        assertThat(info.getCertDomainName()).isEqualTo(domain);
        assertThat(info.getCertType()).isEqualTo("upload");
        assertThat(info.getStatus()).as("Status is for free certificates only").isEmpty();
        assertThat(info.getCertLife()).as("90 days").isEqualTo("3 months");
        assertThat(info.getCertOrg()).isEqualTo(Sdk.TEST_CA_ORG);
        assertThat(info.getCertExpireTime()).isEqualTo(Sdk.wireTime(cert.cert().getNotAfter()));
        assertThat(info.getServerCertificateStatus()).isEqualTo("on");
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void httpsOffKeepsReportingTheCertificateAndOnRestoresIt(FormatType format) throws Exception {
        V1 client = sdk.as(format);
        String domain = domain("off", format);
        Issued cert = TestCertificates.issue(domain);
        client.add(domain);
        client.upload(domain, cert, "kept");

        client.https(domain, "off");
        CertInfo off = onlyCertInfo(client, domain);
        assertThat(off.getServerCertificateStatus()).isEqualTo("off");
        assertThat(off.getCertName()).isEqualTo("kept");
        assertThat(off.getCertType()).isEqualTo("upload");
        assertThat(off.getCertDomainName()).isEqualTo(domain);
        assertThat(off.getCertExpireTime()).isEqualTo(Sdk.wireTime(cert.cert().getNotAfter()));

        client.https(domain, "on");
        CertInfo on = onlyCertInfo(client, domain);
        assertThat(on.getServerCertificateStatus()).isEqualTo("on");
        assertThat(on.getCertName()).isEqualTo("kept");
        assertThat(on.getCertExpireTime()).isEqualTo(Sdk.wireTime(cert.cert().getNotAfter()));
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void domainWithoutCertificateHasOneEmptyCertInfo(FormatType format) throws Exception {
        V1 client = sdk.as(format);
        String domain = domain("bare", format);
        client.add(domain);

        CertInfo info = onlyCertInfo(client, domain);
        assertThat(info.getDomainName()).isEqualTo(domain);
        assertThat(info.getServerCertificateStatus()).isEqualTo("off");
        assertThat(info.getCertName()).isEmpty();
        assertThat(info.getCertDomainName()).isEmpty();
        assertThat(info.getCertType()).isEmpty();
        assertThat(info.getStatus()).isEmpty();
        assertThat(info.getCertLife()).isEmpty();
        assertThat(info.getCertOrg()).isEmpty();
        assertThat(info.getCertExpireTime()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void secondUploadReplacesTheFirst(FormatType format) throws Exception {
        V1 client = sdk.as(format);
        String domain = domain("replace", format);
        Issued first = TestCertificates.issue(domain);
        Issued second = TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns(domain)
                .issuer(TestCertificates.newCa("CN=Second CA,O=Second Org")).issue();
        client.add(domain);
        client.upload(domain, first, "first");
        client.upload(domain, second, "second");

        CertInfo info = onlyCertInfo(client, domain);
        assertThat(info.getCertName()).isEqualTo("second");
        assertThat(info.getCertOrg()).isEqualTo("Second Org");
        assertThat(info.getCertExpireTime()).isEqualTo(Sdk.wireTime(second.cert().getNotAfter()));
        assertThat(info.getServerCertificateStatus()).isEqualTo("on");
    }
}

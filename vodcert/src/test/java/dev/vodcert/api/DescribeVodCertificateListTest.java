package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vod.model.v20170321.DescribeVodCertificateListRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodCertificateListResponse;
import com.aliyuncs.vod.model.v20170321.DescribeVodCertificateListResponse.CertificateListModel.Cert;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.account.NewAccessKey;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCertificates;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DescribeVodCertificateList} through the V1 SDK (JSON and XML) and raw calls: the account's
 * certificates (uploads and stored ones), or the one a domain uses, with numeric {@code CertId} and
 * {@code LastTime}.
 */
class DescribeVodCertificateListTest extends ApiTestBase {
    private SignedClient mine;
    private DefaultAcsClient sdk;
    private String first;
    private String second;
    private String bare;
    private Issued firstCert;
    private Issued secondCert;
    private Issued storedCert;
    private long storedId;

    @BeforeAll
    void oneAccountWithThreeCertificates() {
        NewAccessKey key = server.app().accessKeys().create(server.app().accessKeys().account("lister"));
        mine = new SignedClient(server.port(), key.accessKeyId(), key.accessKeySecret());
        sdk = new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", key.accessKeyId(), key.accessKeySecret()));
        first = add(uniqueDomain("list"));
        second = add(uniqueDomain("list"));
        bare = add(uniqueDomain("bare"));
        firstCert = TestCertificates.issue(first);
        secondCert = TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns(second).issue();
        ok(mine.call("SetVodDomainCertificate", Map.of("DomainName", first, "SSLProtocol", "on", "CertName", "one",
                "SSLPub", firstCert.chainPem(), "SSLPri", firstCert.keyPemPkcs8())));
        ok(mine.call("SetVodDomainCertificate", Map.of("DomainName", second, "SSLProtocol", "on", "CertName", "two",
                "SSLPub", secondCert.chainPem(), "SSLPri", secondCert.keyPemPkcs8())));
        storedCert = TestCertificates.issue("*.vodcert-test.com");
        storedId = ok(mine.call("POST", false, "UploadUserCertificate", Map.of("Name", "stored",
                "Cert", storedCert.chainPem(), "Key", storedCert.keyPemPkcs8()), p -> p.put("Version", "2020-04-07")))
                .json().path("CertId").asLong();
    }

    @Test
    void theV1SdkReadsEveryCertificateOfTheAccountInJsonAndXml() throws Exception {
        for (FormatType format : new FormatType[] {FormatType.JSON, FormatType.XML}) {
            DescribeVodCertificateListResponse r = sdk.getAcsResponse(request(null, format));
            assertThat(r.getRequestId()).isNotBlank();
            assertThat(r.getCertificateListModel().getCount()).as(format.name()).isEqualTo(3);
            List<Cert> certs = r.getCertificateListModel().getCertList();
            assertThat(certs).extracting(Cert::getCertName).containsExactly("one", "two", "stored");
            assertCert(certs.get(0), firstCert, first);
            assertCert(certs.get(1), secondCert, second);
            assertCert(certs.get(2), storedCert, "*.vodcert-test.com");
            assertThat(certs.get(2).getCertId()).isEqualTo(storedId);
        }
    }

    @Test
    void aDomainFilterGivesTheCertificateItUses() throws Exception {
        DescribeVodCertificateListResponse r = sdk.getAcsResponse(request(second, FormatType.JSON));
        assertThat(r.getCertificateListModel().getCount()).isEqualTo(1);
        assertCert(r.getCertificateListModel().getCertList().get(0), secondCert, second);
        assertThat(r.getCertificateListModel().getCertList().get(0).getCertId())
                .isEqualTo(Long.parseLong(certInfoOf(second).path("CertId").asText()));

        DescribeVodCertificateListResponse none = sdk.getAcsResponse(request(bare, FormatType.XML));
        assertThat(none.getCertificateListModel().getCount()).isZero();
        assertThat(none.getCertificateListModel().getCertList()).isEmpty();

        ClientException e = catchThrowableOfType(ClientException.class,
                () -> sdk.getAcsResponse(request(uniqueDomain("nowhere"), FormatType.JSON)));
        assertThat(e.getErrCode()).isEqualTo("InvalidDomain.NotFound");
        assertError(mine.call("DescribeVodCertificateList", Map.of("DomainName", "nowhere.example.com")), 404,
                "InvalidDomain.NotFound");
        assertError(client.call("DescribeVodCertificateList", Map.of("DomainName", first)), 404,
                "InvalidDomain.NotFound");
    }

    @Test
    void theWireHasNumbersAndWrappers() {
        JsonNode model = ok(mine.call("DescribeVodCertificateList", Map.of())).json().path("CertificateListModel");
        assertThat(model.path("Count").isInt()).isTrue();
        JsonNode cert = model.path("CertList").path("Cert").get(0);
        assertThat(cert.path("CertId").isIntegralNumber()).isTrue();
        assertThat(cert.path("LastTime").isIntegralNumber()).isTrue();
        assertThat(cert.path("LastTime").asLong()).isEqualTo(firstCert.cert().getNotBefore().getTime() / 1000);
        JsonNode empty = ok(mine.call("DescribeVodCertificateList", Map.of("DomainName", bare))).json()
                .path("CertificateListModel");
        assertThat(empty.path("Count").asInt()).isZero();
        assertThat(empty.path("CertList").path("Cert").isArray()).isTrue();
        assertThat(empty.path("CertList").path("Cert").size()).isZero();

        Answer xml = mine.call("POST", false, "DescribeVodCertificateList", Map.of(), p -> p.put("Format", "XML"));
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("text/xml");
        assertThat(xml.body()).contains("<DescribeVodCertificateListResponse>").contains("<CertificateListModel>")
                .contains("<Count>3</Count>").contains("<CertList><Cert>").contains("<CertName>stored</CertName>")
                .doesNotContain("PRIVATE KEY");
    }

    private void assertCert(Cert c, Issued issued, String common) throws Exception {
        assertThat(c.getCommon()).isEqualTo(common);
        assertThat(c.getIssuer()).isEqualTo("vodcert Test Org");
        assertThat(c.getFingerprint()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-1").digest(issued.cert().getEncoded())));
        assertThat(c.getLastTime()).isEqualTo(issued.cert().getNotBefore().getTime() / 1000);
        assertThat(c.getCertId()).isPositive();
    }

    private DescribeVodCertificateListRequest request(String domain, FormatType format) {
        DescribeVodCertificateListRequest r = new DescribeVodCertificateListRequest();
        r.setSysEndpoint(server.endpoint());
        r.setSysProtocol(ProtocolType.HTTP);
        r.setSysAcceptFormat(format);
        if (domain != null) {
            r.setDomainName(domain);
        }
        return r;
    }

    private String add(String name) {
        ok(mine.call("AddVodDomain", Map.of("DomainName", name, "Sources", SOURCES)));
        return name;
    }

    private JsonNode certInfoOf(String domain) {
        return ok(mine.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain))).json()
                .path("CertInfos").path("CertInfo").get(0);
    }
}

package dev.vodcert.api.cas;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cas20200407.models.DeleteUserCertificateRequest;
import com.aliyun.cas20200407.models.GetUserCertificateDetailRequest;
import com.aliyun.cas20200407.models.UploadUserCertificateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Domains that use a stored certificate ({@code CertType=cas}): several domains, one certificate;
 * a second certificate under the same name is refused (NameRepeat) and changes none of them; deleting one in use is
 * refused, naming the domains.
 */
class StoredCertificateDomainsTest extends CasTestBase {

    @Test
    void oneCertificateServesSeveralDomainsAndASecondUnderItsNameIsRefused() throws Exception {
        String parent = uniqueParent();
        String a = addDomain("a." + parent);
        String b = addDomain("b." + parent);
        String name = unique("shared-");
        Issued first = TestCertificates.issue("*." + parent);
        long id = upload(name, first);
        ok(useStored(a, id));
        ok(useStored(b, id));
        for (String domain : new String[] {a, b}) {
            JsonNode info = certInfo(domain);
            assertThat(info.path("CertType").asText()).isEqualTo("cas");
            assertThat(info.path("CertId").asText()).isEqualTo(Long.toString(id));
            assertThat(info.path("CertName").asText()).isEqualTo(name);
            assertThat(info.path("CertRegion").asText()).isEqualTo("cn-hangzhou");
            assertThat(info.path("CertDomainName").asText()).isEqualTo("*." + parent);
            assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("on");
            assertThat(info.path("ServerCertificate").asText()).isEqualTo(first.chainPem());
        }

        Issued second = TestCertificates.certificate().key(TestCertificates.ec("secp384r1")).dns(a, b).issue();
        var e = failure(() -> cas.uploadUserCertificate(new UploadUserCertificateRequest().setName(name)
                .setCert(second.chainPem()).setKey(second.keyPemPkcs8())), 400, "NameRepeat");
        assertThat(message(e)).startsWith("The certificate name already exists.").contains(name);
        for (String domain : new String[] {a, b}) {
            JsonNode info = certInfo(domain);
            assertThat(info.path("CertId").asText()).isEqualTo(Long.toString(id));
            assertThat(info.path("ServerCertificate").asText()).isEqualTo(first.chainPem());
        }
        assertThat(cas.getUserCertificateDetail(new GetUserCertificateDetailRequest().setCertId(id)).getBody()
                .getAlgorithm()).isEqualTo("RSA");

        long other = upload(unique("second-"), second);
        ok(useStored(a, other));
        assertThat(certInfo(a).path("ServerCertificate").asText()).isEqualTo(second.chainPem());
        assertThat(certInfo(b).path("ServerCertificate").asText()).isEqualTo(first.chainPem());
    }

    @Test
    void aCertificateInUseCannotBeDeletedUntilNoDomainUsesIt() throws Exception {
        String parent = uniqueParent();
        String a = addDomain("a." + parent);
        String b = addDomain("b." + parent);
        long id = upload(unique("inuse-"), TestCertificates.issue("*." + parent));
        ok(useStored(a, id));
        ok(useStored(b, id));

        var e = failure(() -> cas.deleteUserCertificate(new DeleteUserCertificateRequest().setCertId(id)), 400,
                "InvalidCertId.InUse");
        assertThat(message(e)).contains(a).contains(b);
        assertThat(certInfo(a).path("CertId").asText()).isEqualTo(Long.toString(id));

        Issued own = TestCertificates.issue(a);
        ok(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", a, "SSLProtocol", "on", "CertType", "upload",
                "SSLPub", own.chainPem(), "SSLPri", own.keyPemPkcs8())));
        e = failure(() -> cas.deleteUserCertificate(new DeleteUserCertificateRequest().setCertId(id)), 400,
                "InvalidCertId.InUse");
        assertThat(message(e)).contains(b).doesNotContain(a);

        // HTTPS off still uses the certificate: it stays the domain's
        ok(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", b, "SSLProtocol", "off")));
        failure(() -> cas.deleteUserCertificate(new DeleteUserCertificateRequest().setCertId(id)), 400,
                "InvalidCertId.InUse");

        Issued ownB = TestCertificates.issue(b);
        ok(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", b, "SSLProtocol", "on",
                "SSLPub", ownB.chainPem(), "SSLPri", ownB.keyPemPkcs8())));
        cas.deleteUserCertificate(new DeleteUserCertificateRequest().setCertId(id));
        failure(() -> cas.getUserCertificateDetail(new GetUserCertificateDetailRequest().setCertId(id)), 404,
                "InvalidCertId.NotFound");
    }

    @Test
    void switchingFromUploadToStoredDropsTheOldUploadAndKeepsTheStoredOneWhenSwitchingBack() throws Exception {
        String domain = addDomain("s." + uniqueParent());
        Issued inline = TestCertificates.issue(domain);
        ok(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", inline.chainPem(), "SSLPri", inline.keyPemPkcs8())));
        String uploadId = certInfo(domain).path("CertId").asText();
        long id = upload(unique("switch-"), TestCertificates.issue(domain));
        ok(useStored(domain, id));
        JsonNode all = ok(vod.call("DescribeVodCertificateList", Map.of())).json()
                .path("CertificateListModel").path("CertList").path("Cert");
        assertThat(all.findValuesAsText("CertId")).contains(Long.toString(id)).doesNotContain(uploadId);

        Issued again = TestCertificates.issue(domain);
        ok(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", again.chainPem(), "SSLPri", again.keyPemPkcs8())));
        assertThat(certInfo(domain).path("CertType").asText()).isEqualTo("upload");
        assertThat(cas.getUserCertificateDetail(new GetUserCertificateDetailRequest().setCertId(id)).getBody()
                .getId()).isEqualTo(id);
    }
}

package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The success path through {@code tea-openapi} with ACS3-HMAC-SHA256, reading from the body map the
 * CertInfo fields that the V1 model lacks (spec §9.1: CertId, CertRegion, CertStartTime,
 * CertUpdateTime, DomainCnameStatus, ServerCertificate), and one call signed with HMAC-SHA1 ("v2").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeaOpenApiV3Test {
    private TestServer server;
    private Tea tea;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        tea = Tea.v3(server, TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void add(Tea client, String domain) throws Exception {
        assertThat(client.call("AddVodDomain", Map.of("DomainName", domain, "Sources", Sdk.SOURCES))).hasSize(1);
    }

    private void upload(String domain, Issued cert, String certName) throws Exception {
        assertThat(tea.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8(), "CertName", certName))).hasSize(1);
    }

    private Map<String, Object> certInfo(Tea client, String domain) throws Exception {
        return Tea.onlyCertInfo(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)));
    }

    @Test
    void uploadedCertificateWithTheNewerFields() throws Exception {
        String domain = Sdk.domain("tea");
        Issued cert = TestCertificates.issue(domain);
        add(tea, domain);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        upload(domain, cert, "tea-cert");
        Instant after = Instant.now();

        Map<String, Object> info = certInfo(tea, domain);
        assertThat(info).containsEntry("DomainName", domain).containsEntry("CertName", "tea-cert")
                .containsEntry("CertDomainName", domain).containsEntry("CertType", "upload")
                .containsEntry("Status", "").containsEntry("CertLife", "3 months")
                .containsEntry("CertOrg", Sdk.TEST_CA_ORG)
                .containsEntry("CertStartTime", Sdk.wireTime(cert.cert().getNotBefore()))
                .containsEntry("CertExpireTime", Sdk.wireTime(cert.cert().getNotAfter()))
                .containsEntry("ServerCertificateStatus", "on")
                .containsEntry("CertRegion", "cn-hangzhou");
        assertThat((String) info.get("CertId")).as("a String such as 13227737 or 13227737-cn-hangzhou")
                .matches("[0-9]+(-[a-z0-9-]+)?");
        assertThat((String) info.get("CertUpdateTime")).matches(Sdk.WIRE_TIME);
        assertThat(Instant.parse((String) info.get("CertUpdateTime"))).isBetween(before, after);
        assertThat(Sdk.certificates((String) info.get("ServerCertificate"))).as("the uploaded chain, leaf first")
                .containsExactlyElementsOf(cert.chain());
    }

    @Test
    void domainCnameStatusIsEmptyUntilTheCnameIsChecked() throws Exception {
        // README, "Decisions": DomainCnameStatus reports a real CNAME check; none has run for this domain.
        String domain = Sdk.domain("tea-cname");
        add(tea, domain);
        upload(domain, TestCertificates.issue(domain), "cname");
        assertThat((String) certInfo(tea, domain).get("DomainCnameStatus")).isEmpty();
    }

    @Test
    void domainWithoutCertificateHasEmptyNewerFields() throws Exception {
        String domain = Sdk.domain("tea-bare");
        add(tea, domain);
        Map<String, Object> info = certInfo(tea, domain);
        assertThat(info).containsEntry("DomainName", domain).containsEntry("ServerCertificateStatus", "off");
        for (String field : new String[] {"CertName", "CertDomainName", "CertType", "Status", "CertLife", "CertOrg",
                "CertStartTime", "CertExpireTime", "CertUpdateTime", "CertId", "CertRegion", "ServerCertificate"}) {
            assertThat(info.get(field)).as(field).isIn(null, "");
        }
    }

    @Test
    void domainDetailKeepsNumbersAndWrappedLists() throws Exception {
        String domain = Sdk.domain("tea-detail");
        Issued cert = TestCertificates.issue(domain);
        add(tea, domain);
        upload(domain, cert, "detail");
        Map<String, Object> detail = Tea.map(tea.call("DescribeVodDomainDetail", Map.of("DomainName", domain))
                .get("DomainDetail"));
        assertThat(detail).containsEntry("DomainName", domain).containsEntry("Cname", domain + ".w.alikunlun.com")
                .containsEntry("SSLProtocol", "on").containsEntry("CertName", "detail");
        Map<String, Object> source = Tea.map(Tea.list(Tea.map(detail.get("Sources")).get("Source")).get(0));
        assertThat(source).containsEntry("Type", "ipaddr").containsEntry("Content", "1.1.1.1")
                .containsEntry("Priority", "20");
        assertThat(source.get("Port")).as("a JSON number, not a string").isInstanceOf(Number.class);
        assertThat(((Number) source.get("Port")).longValue()).isEqualTo(80);
    }

    @Test
    void spacesTravelAsPlusAndUnicodeRoundTrips() throws Exception {
        String domain = Sdk.domain("tea-unicode");
        String name = "中文 证书 Let's *~+ a&b=c";
        add(tea, domain);
        upload(domain, TestCertificates.issue(domain), name);
        assertThat(certInfo(tea, domain)).containsEntry("CertName", name);
    }

    @Test
    void hmacSha1ModeWorksToo() throws Exception {
        Tea v2 = Tea.v2(server, TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        String domain = Sdk.domain("tea-v2");
        add(v2, domain);
        Map<String, Object> info = certInfo(v2, domain);
        assertThat(info).containsEntry("DomainName", domain).containsEntry("ServerCertificateStatus", "off");
    }
}

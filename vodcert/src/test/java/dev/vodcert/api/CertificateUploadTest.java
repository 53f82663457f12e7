package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code SetVodDomainCertificate} uploads and what {@code DescribeVodDomainCertificateInfo} derives from them. */
class CertificateUploadTest extends ApiTestBase {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void everyFieldComesFromTheRealCertificate() throws Exception {
        String domain = addDomain(uniqueDomain("fields"));
        Instant notBefore = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(Duration.ofDays(90));
        Issued cert = TestCertificates.certificate().cn(domain).dns(domain).validity(notBefore, notAfter)
                .issuer(TestCertificates.ca()).issue();
        Map<String, String> p = new java.util.HashMap<>(Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8(), "CertName", "my-cert 中文 Let's"));
        ok(client.call("SetVodDomainCertificate", p));

        JsonNode info = certInfo(domain);
        assertThat(info.path("DomainName").asText()).isEqualTo(domain);
        assertThat(info.path("CertName").asText()).isEqualTo("my-cert 中文 Let's");
        assertThat(info.path("CertDomainName").asText()).isEqualTo(domain);
        assertThat(info.path("CertType").asText()).isEqualTo("upload");
        assertThat(info.path("Status").asText()).isEmpty();
        assertThat(info.path("CertLife").asText()).isEqualTo("3 months");
        assertThat(info.path("CertOrg").asText()).isEqualTo("vodcert Test Org");
        assertThat(info.path("CertStartTime").asText()).isEqualTo(WIRE.format(notBefore));
        assertThat(info.path("CertExpireTime").asText()).isEqualTo(WIRE.format(notAfter));
        assertThat(info.path("CertUpdateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("on");
        assertThat(info.path("CertId").asText()).matches("\\d+");
        assertThat(info.path("CertRegion").asText()).isEqualTo("cn-hangzhou");
        assertThat(info.path("ServerCertificate").asText()).contains(cert.certPem().trim().split("\n")[1]);
        assertThat(info.path("ServerCertificate").asText()).doesNotContain("PRIVATE KEY");
        byte[] der = cert.cert().getEncoded();
        assertThat(info.path("ServerCertificate").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(der))).hasSize(40);
    }

    @Test
    void rawUtf8WithoutEscapes() {
        String domain = addDomain(uniqueDomain("utf8"));
        Issued cert = TestCertificates.issue(domain);
        Map<String, String> p = new java.util.HashMap<>(Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8(), "CertName", "证书 <Let's & go>"));
        ok(client.call("SetVodDomainCertificate", p));
        String body = ok(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain))).body();
        assertThat(body).contains("\"CertName\":\"证书 <Let's & go>\"").doesNotContain("\\u");
    }

    @Test
    void keyFormatsAndAlgorithms() {
        String rsa1 = addDomain(uniqueDomain("pkcs1"));
        Issued a = TestCertificates.issue(rsa1);
        ok(setCertificate(rsa1, a.chainPem(), a.keyPemPkcs1()));
        String ec = addDomain(uniqueDomain("sec1"));
        Issued b = TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns(ec)
                .issuer(TestCertificates.ca()).issue();
        ok(setCertificate(ec, b.chainPem(), b.keyPemSec1()));
        assertThat(certInfo(ec).path("CertType").asText()).isEqualTo("upload");
        String ec384 = addDomain(uniqueDomain("p384"));
        Issued c = TestCertificates.certificate().key(TestCertificates.ec("secp384r1")).dns(ec384).selfSigned().issue();
        ok(setCertificate(ec384, c.certPem(), c.keyPemPkcs8()));
    }

    @Test
    void wildcardCertificateCoversOneLevel() {
        String parent = uniqueDomain("wild");
        String domain = addDomain("a." + parent);
        Issued cert = TestCertificates.issue("*." + parent);
        ok(setCertificate(domain, cert.chainPem(), cert.keyPemPkcs8()));
        assertThat(certInfo(domain).path("CertDomainName").asText()).isEqualTo("*." + parent);
        String deeper = addDomain("x.b." + parent);
        assertError(setCertificate(deeper, cert.chainPem(), cert.keyPemPkcs8()), 400, "InvalidSSLPub");
    }

    @Test
    void httpsOffKeepsTheCertificateAndOnWithoutPemRestoresIt() {
        String domain = addDomain(uniqueDomain("toggle"));
        Issued cert = TestCertificates.issue(domain);
        ok(setCertificate(domain, cert.chainPem(), cert.keyPemPkcs8()));
        String before = certInfo(domain).path("ServerCertificate").asText();
        ok(client.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "off")));
        JsonNode off = certInfo(domain);
        assertThat(off.path("ServerCertificateStatus").asText()).isEqualTo("off");
        assertThat(off.path("ServerCertificate").asText()).isEqualTo(before);
        JsonNode detail = ok(client.call("DescribeVodDomainDetail", Map.of("DomainName", domain))).json();
        assertThat(detail.path("DomainDetail").path("SSLProtocol").asText()).isEqualTo("off");
        assertThat(detail.path("DomainDetail").has("SSLPub")).isFalse();
        ok(client.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "on")));
        assertThat(certInfo(domain).path("ServerCertificateStatus").asText()).isEqualTo("on");
        JsonNode on = ok(client.call("DescribeVodDomainDetail", Map.of("DomainName", domain))).json();
        assertThat(on.path("DomainDetail").path("SSLPub").asText()).isEqualTo(before);
    }

    @Test
    void domainWithoutCertificate() {
        String domain = addDomain(uniqueDomain("bare"));
        JsonNode info = certInfo(domain);
        assertThat(info.path("DomainName").asText()).isEqualTo(domain);
        assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("off");
        for (String field : new String[] {"CertName", "CertType", "Status", "CertLife", "CertOrg", "CertExpireTime",
                "CertId", "ServerCertificate"}) {
            assertThat(info.path(field).asText()).as(field).isEmpty();
        }
        assertError(client.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "on")), 400,
                "SSLPub.MissingParameter");
    }

    @Test
    void refusalsNameTheReasonAndKeepTheStoredCertificate() {
        String domain = addDomain(uniqueDomain("refuse"));
        Issued good = TestCertificates.issue(domain);
        ok(setCertificate(domain, good.chainPem(), good.keyPemPkcs8()));
        String stored = certInfo(domain).path("ServerCertificate").asText();

        Issued otherKey = TestCertificates.certificate().key(TestCertificates.freshRsa(2048)).dns(domain)
                .issuer(TestCertificates.ca()).issue();
        Issued elsewhere = TestCertificates.issue("elsewhere.example.net");
        Issued expired = TestCertificates.certificate().dns(domain)
                .validity(Instant.now().minus(Duration.ofDays(100)), Instant.now().minus(Duration.ofDays(10)))
                .issuer(TestCertificates.ca()).issue();
        Issued future = TestCertificates.certificate().dns(domain)
                .validity(Instant.now().plus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(100)))
                .issuer(TestCertificates.ca()).issue();

        refuse(setCertificate(domain, "not a certificate", good.keyPemPkcs8()), "InvalidSSLPub", "PEM");
        refuse(setCertificate(domain, good.chainPem(), "garbage"), "InvalidSSLPri", "");
        refuse(setCertificate(domain, good.chainPem(), otherKey.keyPemPkcs8()), "PrivateKeyError", "does not belong");
        refuse(setCertificate(domain, elsewhere.chainPem(), elsewhere.keyPemPkcs8()), "InvalidSSLPub", domain);
        refuse(setCertificate(domain, expired.chainPem(), expired.keyPemPkcs8()), "InvalidSSLPub", "expired");
        refuse(setCertificate(domain, future.chainPem(), future.keyPemPkcs8()), "InvalidSSLPub", "not valid before");
        refuse(setCertificate(domain, good.chainPem(), good.keyPemEncryptedPkcs8("pw")), "InvalidSSLPri",
                "encrypted");
        assertError(client.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "ON")), 400,
                "InvalidSSLProtocol.ValueNotSupported");
        assertError(client.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", good.chainPem())), 400, "SSLPri.MissingParameter");
        assertError(client.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPri", good.keyPemPkcs8())), 400, "SSLPub.MissingParameter");

        assertThat(certInfo(domain).path("ServerCertificate").asText()).isEqualTo(stored);
    }

    private static void refuse(dev.vodcert.testing.SignedClient.Answer a, String code, String reason) {
        assertError(a, 400, code);
        assertThat(a.json().path("Message").asText()).containsIgnoringCase(reason)
                .doesNotContain("PRIVATE KEY-----\\n").doesNotContain("PRIVATE KEY-----\n");
    }
}

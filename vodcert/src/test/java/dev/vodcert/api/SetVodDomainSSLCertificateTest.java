package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code SetVodDomainSSLCertificate} with uploads, {@code CertType} rules, {@code Env} and
 * {@code free}; the V1 SDK has no model for it, so calls go through the generic tea-openapi
 * client (ACS3-HMAC-SHA256) and a hand-signed HMAC-SHA1 client.
 */
class SetVodDomainSSLCertificateTest extends ApiTestBase {

    @Test
    void uploadThroughTheGenericTeaClient() throws Exception {
        String domain = addDomain(uniqueDomain("tea"));
        Issued cert = TestCertificates.issue(domain);
        Client tea = new Client(new Config().setAccessKeyId(TestServer.ACCESS_KEY_ID)
                .setAccessKeySecret(TestServer.ACCESS_KEY_SECRET).setEndpoint(server.endpoint()).setProtocol("http"));
        Params params = new Params().setAction("SetVodDomainSSLCertificate").setVersion("2017-03-21")
                .setProtocol("HTTP").setMethod("POST").setAuthType("AK").setStyle("RPC").setPathname("/")
                .setReqBodyType("formData").setBodyType("json");
        Map<String, ?> answer = tea.callApi(params, new OpenApiRequest().setQuery(Map.of("DomainName", domain,
                "SSLProtocol", "on", "CertType", "upload", "CertName", "tea cert", "SSLPub", cert.chainPem(),
                "SSLPri", cert.keyPemPkcs8())), new RuntimeOptions());
        assertThat(answer.get("statusCode")).isEqualTo(200);
        assertThat(((Map<?, ?>) answer.get("body")).get("RequestId")).asString().isNotBlank();

        JsonNode info = certInfo(domain);
        assertThat(info.path("CertType").asText()).isEqualTo("upload");
        assertThat(info.path("CertName").asText()).isEqualTo("tea cert");
        assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("on");
        assertThat(info.path("ServerCertificate").asText()).isEqualTo(cert.chainPem());
    }

    @Test
    void withoutCertTypePemMeansUploadAndNothingMeansTheStoredCertificate() {
        String domain = addDomain(uniqueDomain("implied"));
        assertError(ssl(domain, "on"), 400, "SSLPub.MissingParameter");
        Issued cert = TestCertificates.issue(domain);
        ok(ssl(domain, "on", "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8()));
        assertThat(certInfo(domain).path("CertType").asText()).isEqualTo("upload");
        ok(ssl(domain, "off"));
        JsonNode off = certInfo(domain);
        assertThat(off.path("ServerCertificateStatus").asText()).isEqualTo("off");
        assertThat(off.path("ServerCertificate").asText()).isEqualTo(cert.chainPem());
        ok(ssl(domain, "on"));
        assertThat(certInfo(domain).path("ServerCertificateStatus").asText()).isEqualTo("on");
    }

    @Test
    void unknownOrAmbiguousCertTypeIsRefusedAndChangesNothing() {
        String domain = addDomain(uniqueDomain("certtype"));
        Issued cert = TestCertificates.issue(domain);
        ok(ssl(domain, "on", "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8()));
        String before = certInfo(domain).toString();
        Issued next = TestCertificates.issue(domain);
        for (String type : new String[] {"UPLOAD", "ssl", "cas "}) {
            Answer a = ssl(domain, "on", "CertType", type, "SSLPub", next.chainPem(), "SSLPri", next.keyPemPkcs8());
            assertError(a, 400, "InvalidParameter");
            assertThat(a.json().path("Message").asText()).contains("\"CertType\"").contains("upload, cas or free");
        }
        Answer off = ssl(domain, "off", "CertType", "bogus");
        assertError(off, 400, "InvalidParameter");
        Answer both = ssl(domain, "on", "SSLPub", next.chainPem(), "SSLPri", next.keyPemPkcs8(), "CertId", "12");
        assertError(both, 400, "InvalidParameter");
        assertThat(both.json().path("Message").asText()).contains("CertType");
        assertThat(certInfo(domain).toString()).isEqualTo(before);
    }

    @Test
    void stagingIsAppliedAtOnceLikeAnyEnv() {
        String domain = addDomain(uniqueDomain("env"));
        Issued canary = TestCertificates.issue(domain);
        ok(ssl(domain, "on", "Env", "staging", "SSLPub", canary.chainPem(), "SSLPri", canary.keyPemPkcs8()));
        assertThat(certInfo(domain).path("ServerCertificate").asText()).isEqualTo(canary.chainPem());
        Issued release = TestCertificates.issue(domain);
        ok(ssl(domain, "on", "Env", "production", "SSLPub", release.chainPem(), "SSLPri", release.keyPemPkcs8()));
        assertThat(certInfo(domain).path("ServerCertificate").asText()).isEqualTo(release.chainPem());
    }

    @Test
    void freeIsAcceptedAtOnceWithTheDefaultLocalCaIssuer() {
        String domain = addDomain(uniqueDomain("free"));
        ok(ssl(domain, "on", "CertType", "free"));
        var info = certInfo(domain);
        assertThat(info.path("CertType").asText()).isEqualTo("free");
        assertThat(info.path("Status").asText())
                .isIn("checking", "cname_error", "domain_invalid", "unsupport_wildcard", "applying", "success", "failed");
    }

    @Test
    void uploadErrorsAndForeignDomains() {
        String domain = addDomain(uniqueDomain("errors"));
        Issued cert = TestCertificates.issue(domain);
        assertError(ssl(domain, "on", "CertType", "upload", "SSLPub", cert.chainPem()), 400,
                "SSLPri.MissingParameter");
        assertError(ssl(domain, "on", "CertType", "upload", "SSLPri", cert.keyPemPkcs8()), 400,
                "SSLPub.MissingParameter");
        assertError(ssl(domain, "yes", "CertType", "upload"), 400, "InvalidSSLProtocol.ValueNotSupported");
        assertError(client.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain)), 400, "MissingParameter");
        assertError(other.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8())), 404, "InvalidDomain.NotFound");
        assertThat(certInfo(domain).path("CertType").asText()).isEmpty();
    }

    private Answer ssl(String domain, String sslProtocol, String... pairs) {
        Map<String, String> p = new HashMap<>(Map.of("DomainName", domain, "SSLProtocol", sslProtocol));
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return client.call("SetVodDomainSSLCertificate", p);
    }
}

package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.vod.model.v20170321.SetVodDomainCertificateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TeaGenericClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import dev.vodcert.testing.V1Client;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stopped ({@code offline}) domain refuses every certificate change with
 * {@code InvalidDomain.Offline} (400): {@code SetVodDomainCertificate} through the V1 SDK's model,
 * {@code SetVodDomainSSLCertificate} (no V1 model) through the generic client with every
 * {@code CertType}, HTTPS on or off. Nothing changes, and the same calls work once it is started.
 */
class StoppedDomainCertificateTest extends DomainSdkTestBase {
    private TeaGenericClient tea;

    @BeforeAll
    void tea() {
        tea = new TeaGenericClient(server.endpoint(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    @Test
    void everyCertificateChangeOfAStoppedDomainIsInvalidDomainOffline() throws Exception {
        String domain = addDomain(uniqueDomain("stopped"));
        Issued first = TestCertificates.issue(domain);
        ok(setCertificate(domain, first.chainPem(), first.keyPemPkcs8()));
        ok(client.call("BatchStopVodDomain", Map.of("DomainNames", domain)));
        JsonNode before = certInfo(domain);
        Issued second = TestCertificates.issue(domain);

        SetVodDomainCertificateRequest v1 = new SetVodDomainCertificateRequest();
        v1.setDomainName(domain);
        v1.setSSLProtocol("on");
        v1.setSSLPub(second.chainPem());
        v1.setSSLPri(second.keyPemPkcs8());
        V1Client.Failure refused = sdk.fail(v1);
        offline(refused.status(), refused.code(), refused.message(), domain);
        SetVodDomainCertificateRequest off = new SetVodDomainCertificateRequest();
        off.setDomainName(domain);
        off.setSSLProtocol("off");
        V1Client.Failure f = sdk.fail(off);
        offline(f.status(), f.code(), f.message(), domain);

        List<Map<String, String>> calls = List.of(
                Map.of("CertType", "upload", "SSLProtocol", "on", "SSLPub", second.chainPem(),
                        "SSLPri", second.keyPemPkcs8()),
                Map.of("CertType", "cas", "SSLProtocol", "on", "CertId", "1"),
                Map.of("CertType", "free", "SSLProtocol", "on"),
                Map.of("SSLProtocol", "on"),
                Map.of("SSLProtocol", "off"));
        for (Map<String, String> call : calls) {
            Map<String, String> p = new HashMap<>(call);
            p.put("DomainName", domain);
            TeaGenericClient.Failure t = tea.fail("SetVodDomainSSLCertificate", p);
            offline(t.status(), t.code(), t.message(), domain);
        }
        assertThat(certInfo(domain)).isEqualTo(before);

        ok(client.call("BatchStartVodDomain", Map.of("DomainNames", domain)));
        sdk.call(v1);
        assertThat(certInfo(domain).path("ServerCertificate").asText()).isEqualTo(second.chainPem());
    }

    private static void offline(int status, String code, String message, String domain) {
        assertThat(status).isEqualTo(400);
        assertThat(code).isEqualTo("InvalidDomain.Offline");
        assertThat(message).startsWith("The domain is offline.").contains(domain).contains("BatchStartVodDomain");
    }
}

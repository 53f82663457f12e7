package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.auth.SignatureVersion;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two less common V1 paths: the opt-in ACS3-HMAC-SHA256 signature
 * ({@code setSysSignatureVersion(V3)}, spec §6), and a certificate uploaded before a restart,
 * described after it (the stored key and certificate outlive the process).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1SignatureV3AndRestartTest {
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

    private static <R extends AcsRequest<?>> R v3(R request) {
        request.setSysSignatureVersion(SignatureVersion.V3);
        return request;
    }

    @Test
    void acs3SignedRequestsFromTheV1Sdk() throws Exception {
        String domain = Sdk.domain("v1-acs3");
        Issued cert = TestCertificates.issue(domain);
        sdk.client.getAcsResponse(v3(sdk.addRequest(domain)));
        sdk.client.getAcsResponse(v3(sdk.setRequest(domain, "on", cert.chainPem(), cert.keyPemPkcs8(), "acs3")));

        var infos = sdk.client.getAcsResponse(v3(sdk.infoRequest(domain))).getCertInfos();
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0).getCertName()).isEqualTo("acs3");
        assertThat(infos.get(0).getServerCertificateStatus()).isEqualTo("on");

        V1 forger = V1.of(server, TestServer.ACCESS_KEY_ID, "not-the-secret");
        V1.Failure f = forger.failure(v3(forger.infoRequest(domain)));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.body()).contains("SignatureDoesNotMatch");
        assertThat(f.code()).as("V1 renames only HMAC-SHA1 mismatches").isEqualTo("SignatureDoesNotMatch");
        assertThat(f.message()).contains("server string to sign is:ACS3-HMAC-SHA256");
    }

    @Test
    void certificateOutlivesARestart() throws Exception {
        String domain = Sdk.domain("restart");
        Issued cert = TestCertificates.issue(domain);
        sdk.add(domain);
        sdk.upload(domain, cert, "durable");

        server.restart();

        var info = sdk.info(domain).getCertInfos().get(0);
        assertThat(info.getCertName()).isEqualTo("durable");
        assertThat(info.getServerCertificateStatus()).isEqualTo("on");
        assertThat(info.getCertExpireTime()).isEqualTo(Sdk.wireTime(cert.cert().getNotAfter()));
        assertThat(Sdk.certificates(sdk.detail(domain).getSSLPub())).containsExactlyElementsOf(cert.chain());
        sdk.https(domain, "off");
        sdk.https(domain, "on");
        assertThat(sdk.info(domain).getCertInfos().get(0).getServerCertificateStatus()).isEqualTo("on");
    }
}

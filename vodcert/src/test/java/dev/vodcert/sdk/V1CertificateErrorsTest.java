package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestPem;
import dev.vodcert.testing.TestServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SetVodDomainCertificate refusing bad PEM text through the V1 SDK (spec §9.2, §8.3): Code and
 * HTTP status, no key material echoed, and nothing stored by a refused upload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1CertificateErrorsTest {
    private TestServer server;
    private V1 sdk;
    /** A domain that never gets a certificate. */
    private String bare;
    private Issued good;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        sdk = V1.of(server);
        bare = Sdk.domain("bare");
        sdk.add(bare);
        good = TestCertificates.issue(bare);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private V1.Failure upload(String domain, String pub, String pri) throws Exception {
        V1.Failure f = sdk.failure(sdk.setRequest(domain, "on", pub, pri, "refused"));
        assertThat(f.requestId()).matches(Sdk.REQUEST_ID);
        assertThat(f.message()).isNotBlank();
        assertThat(f.body()).doesNotContain(TestPem.body(good.keyPemPkcs8()).substring(200, 260));
        return f;
    }

    private static void assertError(V1.Failure f, String code, int status) {
        assertThat(f.code()).as(f.body()).isEqualTo(code);
        assertThat(f.status()).as(f.body()).isEqualTo(status);
    }

    @Test
    void garbageSslPub() throws Exception {
        assertError(upload(bare, "this is not a certificate", good.keyPemPkcs8()), "InvalidSSLPub", 400);
    }

    @Test
    void privateKeyGivenAsSslPub() throws Exception {
        assertError(upload(bare, good.keyPemPkcs8(), good.keyPemPkcs8()), "InvalidSSLPub", 400);
    }

    @Test
    void garbageSslPri() throws Exception {
        assertError(upload(bare, good.chainPem(), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
                "InvalidSSLPri", 400);
        assertError(upload(bare, good.chainPem(), "not a key"), "InvalidSSLPri", 400);
    }

    @Test
    void keyOfAnotherCertificateIsPrivateKeyError() throws Exception {
        String otherKey = TestPem.pkcs8(TestCertificates.freshRsa(2048).getPrivate());
        V1.Failure f = upload(bare, good.chainPem(), otherKey);
        assertError(f, "PrivateKeyError", 400);
        assertThat(f.body()).doesNotContain(TestPem.body(otherKey).substring(200, 260));
    }

    @Test
    void certificateForAnotherDomain() throws Exception {
        Issued other = TestCertificates.issue("elsewhere.example.org");
        assertError(upload(bare, other.chainPem(), other.keyPemPkcs8()), "InvalidSSLPub", 400);
    }

    @Test
    void expiredCertificate() throws Exception {
        Issued expired = TestCertificates.certificate().dns(bare)
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-04-01T00:00:00Z")).issue();
        assertError(upload(bare, expired.chainPem(), expired.keyPemPkcs8()), "InvalidSSLPub", 400);
    }

    @Test
    void certificateWithoutKeyAndOnWithoutAnyCertificate() throws Exception {
        assertError(upload(bare, good.chainPem(), null), "SSLPri.MissingParameter", 400);
        assertError(upload(bare, null, good.keyPemPkcs8()), "SSLPub.MissingParameter", 400);
        assertError(upload(bare, null, null), "SSLPub.MissingParameter", 400);
    }

    @Test
    void refusedUploadsStoreNothing() throws Exception {
        upload(bare, good.chainPem(), TestPem.pkcs8(TestCertificates.freshRsa(2048).getPrivate()));
        var info = sdk.info(bare).getCertInfos();
        assertThat(info).hasSize(1);
        assertThat(info.get(0).getCertName()).isEmpty();
        assertThat(info.get(0).getServerCertificateStatus()).isEqualTo("off");
        assertThat(sdk.detail(bare).getSSLProtocol()).isEqualTo("off");
    }

    @Test
    void refusedReplacementKeepsTheCurrentCertificate() throws Exception {
        String domain = Sdk.domain("keep");
        Issued current = TestCertificates.issue(domain);
        sdk.add(domain);
        sdk.upload(domain, current, "current");
        assertError(upload(domain, "garbage", current.keyPemPkcs8()), "InvalidSSLPub", 400);
        var info = sdk.info(domain).getCertInfos().get(0);
        assertThat(info.getCertName()).isEqualTo("current");
        assertThat(info.getServerCertificateStatus()).isEqualTo("on");
        assertThat(info.getCertExpireTime()).isEqualTo(Sdk.wireTime(current.cert().getNotAfter()));
    }
}

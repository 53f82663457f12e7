package dev.vodcert.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handle's endpoint, accounts and helpers against the vodcert the extension started: the fresh
 * account's key is accepted, a second account is a separate tenant, a generated certificate uploads
 * and serves, and a wrong secret is refused as the real service refuses it.
 */
@VodcertTest
class VodcertHandleTest {
    private final VodcertHandle fromConstructor;

    VodcertHandleTest(VodcertHandle vodcert) {
        this.fromConstructor = vodcert;
    }

    @Test
    void theConstructorGetsTheClasssVodcert(VodcertHandle vodcert) {
        assertThat(fromConstructor).isSameAs(vodcert);
    }

    @Test
    void theFreshAccountsKeyIsAcceptedOnTheEndpoint(VodcertHandle vodcert) {
        assertThat(vodcert.endpoint()).startsWith("127.0.0.1:");
        assertThat(vodcert.uri().toString()).isEqualTo("http://" + vodcert.endpoint() + "/");
        ApiAnswer domains = vodcert.call("DescribeVodUserDomains", Map.of());
        assertThat(domains.status()).isEqualTo(200);
        assertThat(domains.body().has("TotalCount")).isTrue();
    }

    @Test
    void aWrongSecretIsRefused(VodcertHandle vodcert) {
        ApiAnswer a = vodcert.call(new Account("default", vodcert.accessKeyId(), "not-the-secret"),
                "DescribeVodUserDomains", Map.of());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void aSecondAccountDoesNotSeeTheFirstsDomain(VodcertHandle vodcert) {
        Account other = vodcert.newAccount("other");
        assertThat(other.accessKeyId()).isNotEqualTo(vodcert.accessKeyId());
        String cname = vodcert.addDomain("tenant.handle-test.com");
        assertThat(cname).isEqualTo("tenant.handle-test.com.w.alikunlun.com");

        ApiAnswer own = vodcert.call("DescribeVodDomainDetail", Map.of("DomainName", "tenant.handle-test.com"));
        assertThat(own.body().path("DomainDetail").path("Cname").asText()).isEqualTo(cname);
        ApiAnswer foreign = vodcert.call(other, "DescribeVodDomainDetail", Map.of("DomainName", "tenant.handle-test.com"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("InvalidDomain.NotFound");
    }

    @Test
    void aGeneratedCertificateUploadsAndServes(VodcertHandle vodcert) {
        Account owner = vodcert.newAccount("uploader");
        vodcert.addDomain(owner, "upload.handle-test.com");
        GeneratedCertificate c = vodcert.uploadCertificate(owner, "upload.handle-test.com");
        assertThat(c.toString()).doesNotContain("PRIVATE");

        var info = vodcert.call(owner, "DescribeVodDomainCertificateInfo",
                Map.of("DomainName", "upload.handle-test.com")).requireOk().body().path("CertInfos").path("CertInfo").get(0);
        assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("on");
        assertThat(info.path("CertType").asText()).isEqualTo("upload");
        assertThat(info.path("CertDomainName").asText()).isEqualTo("upload.handle-test.com");
        assertThat(info.path("ServerCertificate").asText().replaceAll("\\s", ""))
                .isEqualTo(c.certificatePem().replaceAll("\\s", ""));
    }
}

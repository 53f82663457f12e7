package dev.vodcert.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every status of a free certificate, produced on purpose through the handle, and months of its life
 * by moving the clock; a vodcert per test, so one test's clock and DNS answers do not touch another.
 */
@VodcertTest(scope = VodcertTest.Scope.METHOD)
class EmulationThroughTheHandleTest {

    private static JsonNode certInfo(VodcertHandle vodcert, String name) {
        return vodcert.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", name)).requireOk().body()
                .path("CertInfos").path("CertInfo").get(0);
    }

    private static String requestFree(VodcertHandle vodcert, String name) {
        vodcert.call("SetVodDomainSSLCertificate", Map.of("DomainName", name, "SSLProtocol", "on",
                "CertType", "free")).requireOk();
        vodcert.runLifecycleNow();
        return certInfo(vodcert, name).path("Status").asText();
    }

    @Test
    void eachStatusOnPurpose(VodcertHandle vodcert) {
        for (String n : new String[] {"ok.emu.com", "elsewhere.emu.com", "missing.emu.com", "broken.emu.com",
                "refused.emu.com", "*.wild.emu.com", "shop.emu.internal"}) {
            vodcert.addDomain(n);
        }
        vodcert.pointAtCname("ok.emu.com");
        vodcert.setCname("elsewhere.emu.com", "cdn.other-provider.net");
        vodcert.nxdomain("missing.emu.com");
        vodcert.servfail("broken.emu.com");
        vodcert.pointAtCname("refused.emu.com");
        vodcert.failIssuance("refused.emu.com", true);

        assertThat(requestFree(vodcert, "ok.emu.com")).isEqualTo("success");
        assertThat(requestFree(vodcert, "elsewhere.emu.com")).isEqualTo("cname_error");
        assertThat(requestFree(vodcert, "missing.emu.com")).isEqualTo("cname_error");
        assertThat(requestFree(vodcert, "broken.emu.com")).isEqualTo("checking");
        assertThat(requestFree(vodcert, "refused.emu.com")).isEqualTo("failed");
        assertThat(requestFree(vodcert, "*.wild.emu.com")).isEqualTo("unsupport_wildcard");
        assertThat(requestFree(vodcert, "shop.emu.internal")).isEqualTo("domain_invalid");
    }

    @Test
    void aFixedCnameIsSeenAtTheNextCheckWhichTheClockBringsForward(VodcertHandle vodcert) {
        vodcert.addDomain("late.emu.com");
        assertThat(requestFree(vodcert, "late.emu.com")).isEqualTo("cname_error");
        vodcert.pointAtCname("late.emu.com");
        assertThat(certInfo(vodcert, "late.emu.com").path("Status").asText()).as("re-checked a minute later")
                .isEqualTo("cname_error");
        vodcert.advanceClock(Duration.ofMinutes(1));
        assertThat(certInfo(vodcert, "late.emu.com").path("Status").asText()).isEqualTo("success");
    }

    @Test
    void renewalAtOneThirdOfTheLifetimeAndExpiryWhenItFails(VodcertHandle vodcert) {
        vodcert.everythingPoints(true);
        vodcert.addDomain("renew.emu.com");
        vodcert.addDomain("expire.emu.com");
        requestFree(vodcert, "renew.emu.com");
        requestFree(vodcert, "expire.emu.com");
        JsonNode first = certInfo(vodcert, "renew.emu.com");
        assertThat(first.path("Status").asText()).isEqualTo("success");
        vodcert.failIssuance("expire.emu.com", true);

        vodcert.advanceClock(Duration.ofDays(50));
        assertThat(certInfo(vodcert, "renew.emu.com").path("CertId").asText()).isEqualTo(first.path("CertId").asText());
        vodcert.advanceClock(Duration.ofDays(11));
        JsonNode renewed = certInfo(vodcert, "renew.emu.com");
        assertThat(renewed.path("CertId").asText()).isNotEqualTo(first.path("CertId").asText());
        assertThat(Instant.parse(renewed.path("CertStartTime").asText())).isAfter(
                Instant.parse(first.path("CertStartTime").asText()).plus(Duration.ofDays(60)));

        Instant now = vodcert.advanceClock(Duration.ofDays(30));
        JsonNode expired = certInfo(vodcert, "expire.emu.com");
        assertThat(Instant.parse(expired.path("CertExpireTime").asText())).isBefore(now);
        assertThat(expired.path("Status").asText()).isEqualTo("failed");
        assertThat(certInfo(vodcert, "renew.emu.com").path("Status").asText()).isEqualTo("success");
    }

    @Test
    void anUploadIsCheckedAgainstTheEmulatedTime(VodcertHandle vodcert) {
        vodcert.addDomain("upload.emu.com");
        GeneratedCertificate early = vodcert.generateCertificate("upload.emu.com");
        vodcert.advanceClock(Duration.ofDays(100));
        ApiAnswer refused = vodcert.call("SetVodDomainCertificate", Map.of("DomainName", "upload.emu.com",
                "SSLProtocol", "on", "SSLPub", early.certificatePem(), "SSLPri", early.privateKeyPem()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("InvalidSSLPub");
        assertThat(vodcert.uploadCertificate("upload.emu.com").notAfter()).isAfter(vodcert.now());
    }
}

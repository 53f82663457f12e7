package com.example.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoResponse.CertInfo;
import dev.vodcert.junit5.VodcertHandle;
import dev.vodcert.junit5.VodcertTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user's {@link HttpsEnabler} against vodcert in this JVM, through the official SDK: the happy
 * path, each way it gives up, and what its certificate looks like two months later.
 */
@VodcertTest(scope = VodcertTest.Scope.METHOD)
class HttpsEnablerTest {
    private HttpsEnabler enabler;

    @BeforeEach
    void client(VodcertHandle vodcert) {
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai",
                vodcert.accessKeyId(), vodcert.accessKeySecret()));
        enabler = new HttpsEnabler(client, vodcert.endpoint(), ProtocolType.HTTP, Duration.ofMillis(50));
    }

    @Test
    void turnsHttpsOnAndReturnsTheIssuedCertificate(VodcertHandle vodcert) throws Exception {
        vodcert.addDomain("videos.example-shop.com");
        vodcert.pointAtCname("videos.example-shop.com");

        CertInfo cert = enabler.enableFreeHttps("videos.example-shop.com", Duration.ofSeconds(30));

        assertEquals("success", cert.getStatus());
        assertEquals("on", cert.getServerCertificateStatus());
        assertEquals("videos.example-shop.com", cert.getCertDomainName());
        assertTrue(Instant.parse(cert.getCertExpireTime()).isAfter(vodcert.now().plus(Duration.ofDays(89))));
    }

    @Test
    void givesUpWhenTheDomainDoesNotPointAtItsCname(VodcertHandle vodcert) {
        vodcert.addDomain("videos.example-shop.com");
        vodcert.setCname("videos.example-shop.com", "old-cdn.example.net");

        HttpsEnabler.NotIssued e = assertThrows(HttpsEnabler.NotIssued.class,
                () -> enabler.enableFreeHttps("videos.example-shop.com", Duration.ofSeconds(30)));
        assertEquals("cname_error", e.status());
    }

    @Test
    void givesUpWhenTheCaFails(VodcertHandle vodcert) {
        vodcert.addDomain("videos.example-shop.com");
        vodcert.pointAtCname("videos.example-shop.com");
        vodcert.failIssuance("videos.example-shop.com", true);

        HttpsEnabler.NotIssued e = assertThrows(HttpsEnabler.NotIssued.class,
                () -> enabler.enableFreeHttps("videos.example-shop.com", Duration.ofSeconds(30)));
        assertEquals("failed", e.status());
    }

    @Test
    void givesUpOnAWildcardDomain(VodcertHandle vodcert) {
        vodcert.addDomain("*.example-shop.com");
        vodcert.everythingPoints(true);

        HttpsEnabler.NotIssued e = assertThrows(HttpsEnabler.NotIssued.class,
                () -> enabler.enableFreeHttps("*.example-shop.com", Duration.ofSeconds(30)));
        assertEquals("unsupport_wildcard", e.status());
    }

    @Test
    void twoMonthsLaterTheCertificateHasBeenRenewed(VodcertHandle vodcert) throws Exception {
        vodcert.addDomain("videos.example-shop.com");
        vodcert.pointAtCname("videos.example-shop.com");
        CertInfo first = enabler.enableFreeHttps("videos.example-shop.com", Duration.ofSeconds(30));

        vodcert.advanceClock(Duration.ofDays(61));

        CertInfo later = enabler.certificate("videos.example-shop.com");
        assertEquals("success", later.getStatus());
        assertNotEquals(first.getCertExpireTime(), later.getCertExpireTime());
        assertTrue(Instant.parse(later.getCertExpireTime()).isAfter(vodcert.now().plus(Duration.ofDays(89))));
    }
}

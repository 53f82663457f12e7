package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.certificate.CertificateFacts;
import dev.vodcert.certificate.PemParser;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.FreeCertServer;
import dev.vodcert.testing.TestServer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Free certificates as {@code DescribeVodDomainCertificateInfo} reports them over HTTP, on a real
 * server with real DNS and the built-in CA: checking, applying, success with the issued
 * certificate, cname_error and its recovery, renewal; and a Describe never changes a status.
 */
class FreeCertificateApiTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static DnsTestServer dns;
    private FreeCertServer s;

    @BeforeAll
    static void startDns() {
        dns = new DnsTestServer();
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @BeforeEach
    void start() {
        s = new FreeCertServer(dns, null);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private String domainWithCname() {
        String name = "free" + NEXT.incrementAndGet() + ".vodcert-test.com";
        dns.setCname(name, s.addDomain(name).cname());
        return name;
    }

    private static X509Certificate leaf(String chainPem) {
        return PemParser.parseChain(chainPem).get(0);
    }

    @Test
    void beforeIssuanceOneFreeRecordWithItsStatusThenTheIssuedCertificate() throws Exception {
        String name = domainWithCname();
        s.requestFree(name);

        JsonNode pending = s.certInfo(name);
        assertThat(pending.path("CertType").asText()).isEqualTo("free");
        assertThat(pending.path("Status").asText()).isEqualTo("checking");
        assertThat(pending.path("ServerCertificateStatus").asText()).isEqualTo("off");
        assertThat(pending.path("CertName").asText()).isEmpty();
        assertThat(pending.path("CertExpireTime").asText()).isEmpty();
        assertThat(pending.path("CertId").asText()).isEmpty();

        assertThat(s.runOnce()).isEqualTo(1);

        JsonNode info = s.certInfo(name);
        X509Certificate issued = leaf(s.issued.get(0).chainPem());
        assertThat(info.path("CertType").asText()).isEqualTo("free");
        assertThat(info.path("Status").asText()).isEqualTo("success");
        assertThat(info.path("DomainCnameStatus").asText()).isEqualTo("ok");
        assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("on");
        assertThat(info.path("CertName").asText()).isEqualTo("cert-" + name);
        assertThat(info.path("CertDomainName").asText()).isEqualTo(name);
        assertThat(info.path("CertOrg").asText()).isEqualTo("vodcert");
        assertThat(info.path("CertLife").asText()).isEqualTo("3 months");
        assertThat(info.path("CertExpireTime").asText())
                .isEqualTo(CertificateFacts.formatTime(issued.getNotAfter().toInstant()));
        assertThat(info.path("CertStartTime").asText())
                .isEqualTo(CertificateFacts.formatTime(issued.getNotBefore().toInstant()));
        assertThat(leaf(info.path("ServerCertificate").asText())).as("the reported certificate is the issued one")
                .isEqualTo(issued);

        JsonNode detail = s.client.call("DescribeVodDomainDetail", Map.of("DomainName", name)).json()
                .path("DomainDetail");
        assertThat(detail.path("SSLProtocol").asText()).isEqualTo("on");
        assertThat(leaf(detail.path("SSLPub").asText())).isEqualTo(issued);

        DefaultAcsClient sdk = new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai",
                TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET));
        DescribeVodDomainCertificateInfoRequest req = new DescribeVodDomainCertificateInfoRequest();
        req.setDomainName(name);
        req.setSysEndpoint(s.server.endpoint());
        req.setSysProtocol(ProtocolType.HTTP);
        DescribeVodDomainCertificateInfoResponse.CertInfo viaSdk = sdk.getAcsResponse(req).getCertInfos().get(0);
        assertThat(viaSdk.getCertType()).isEqualTo("free");
        assertThat(viaSdk.getStatus()).isEqualTo("success");
        assertThat(viaSdk.getCertOrg()).isEqualTo("vodcert");
    }

    @Test
    void applyingIsWhatADescribeSeesWhileTheCertificateIsBeingIssued() {
        String name = domainWithCname();
        s.requestFree(name);
        List<String> seen = new ArrayList<>();
        s.during = n -> seen.add(s.certInfo(name).path("Status").asText());
        s.runOnce();
        assertThat(seen).containsExactly("applying");
        assertThat(s.certInfo(name).path("Status").asText()).isEqualTo("success");
    }

    @Test
    void aWrongCnameIsReportedAndFixingItRecoversWithoutAnotherCall() {
        String name = "wrongcname" + NEXT.incrementAndGet() + ".vodcert-test.com";
        String cname = s.addDomain(name).cname();
        dns.setCname(name, "origin.example.net");
        s.requestFree(name);
        s.runOnce();
        JsonNode info = s.certInfo(name);
        assertThat(info.path("Status").asText()).isEqualTo("cname_error");
        assertThat(info.path("DomainCnameStatus").asText()).isEqualTo("cname_error");
        assertThat(info.path("CertType").asText()).isEqualTo("free");

        dns.setCname(name, cname);
        s.clock.advance(Duration.ofMinutes(1));
        s.runOnce();
        assertThat(s.certInfo(name).path("Status").asText()).isEqualTo("success");
        assertThat(s.certInfo(name).path("DomainCnameStatus").asText()).isEqualTo("ok");
    }

    @Test
    void aDnsFailureReadsChecking() {
        String name = "dnsdown" + NEXT.incrementAndGet() + ".vodcert-test.com";
        s.addDomain(name);
        dns.setServfail(name);
        s.requestFree(name);
        s.runOnce();
        assertThat(s.certInfo(name).path("Status").asText()).isEqualTo("checking");
        assertThat(s.report(name).path("lastError").asText()).contains("SERVFAIL");
        dns.clearServfail(name);
    }

    @Test
    void afterARenewalTheNewCertificateIsReported() {
        String name = domainWithCname();
        s.requestFree(name);
        s.runOnce();
        JsonNode first = s.certInfo(name);
        Instant renewAt = Instant.parse(s.report(name).path("renewAt").asText());

        s.clock.set(renewAt.plusSeconds(1));
        s.runOnce();

        JsonNode renewed = s.certInfo(name);
        assertThat(renewed.path("Status").asText()).isEqualTo("success");
        assertThat(renewed.path("CertId").asText()).isNotEqualTo(first.path("CertId").asText());
        assertThat(Instant.parse(renewed.path("CertExpireTime").asText()))
                .isAfter(Instant.parse(first.path("CertExpireTime").asText()));
        assertThat(leaf(renewed.path("ServerCertificate").asText())).isEqualTo(leaf(s.issued.get(1).chainPem()));
    }

    @Test
    void describingNeverChangesAStatusEvenWhenTheDomainIsDue() {
        String name = domainWithCname();
        s.requestFree(name);
        s.clock.advance(Duration.ofHours(1));
        JsonNode before = s.report(name);
        for (int i = 0; i < 5; i++) {
            assertThat(s.certInfo(name).path("Status").asText()).isEqualTo("checking");
        }
        assertThat(s.report(name)).isEqualTo(before);
        assertThat(s.issued).isEmpty();
    }

    @Test
    void theFreeRecordShowsWhileAnUploadedCertificateStillServes() {
        String name = domainWithCname();
        dev.vodcert.testing.Issued upload = dev.vodcert.testing.TestCertificates.issue(name);
        JsonNode set = s.client.call("SetVodDomainCertificate", Map.of("DomainName", name, "SSLProtocol", "on",
                "SSLPub", upload.chainPem(), "SSLPri", upload.keyPemPkcs8())).json();
        assertThat(set.path("Code").isMissingNode()).as(set.toString()).isTrue();
        s.requestFree(name);
        JsonNode pending = s.certInfo(name);
        assertThat(pending.path("CertType").asText()).isEqualTo("free");
        assertThat(pending.path("Status").asText()).isEqualTo("checking");
        assertThat(pending.path("ServerCertificateStatus").asText()).isEqualTo("on");
        s.runOnce();
        assertThat(leaf(s.certInfo(name).path("ServerCertificate").asText()))
                .isEqualTo(leaf(s.issued.get(0).chainPem()));
    }
}

package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.certificate.PemParser;
import dev.vodcert.issuance.Issuers;
import dev.vodcert.server.IssuanceConfig;
import dev.vodcert.testing.PebbleServer;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestServer;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A free certificate really issued by Debian's Pebble, driven through the API only: the domain's
 * CNAME is set on Pebble's DNS, {@code SetVodDomainSSLCertificate CertType=free} starts the
 * lifecycle with the ACME issuer, and {@code DescribeVodDomainCertificateInfo} reports the
 * certificate Pebble issued. The test runs the loop's passes itself (no sleeping for a state).
 */
class FreeCertificatePebbleTest {

    @Test
    void aDomainGoesFromCheckingToSuccessWithPebblesCertificate() {
        int http01Port = PebbleServer.freePort();
        try (PebbleServer pebble = PebbleServer.builder(http01Port).start();
             TestServer server = new TestServer(Clock.systemUTC(), c -> c
                     .withAcme(pebble.acmeSettings(), "127.0.0.1", http01Port)
                     .withIssuance(new IssuanceConfig(Issuers.ACME, pebble.directory().toString(), pebble.dnsServer(),
                             java.time.Duration.ofSeconds(5), IssuanceConfig.defaults().rateLimits(), false, null)))) {
            SignedClient client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            String domain = "pebble-e2e.vodcert-acme.com";
            assertThat(client.call("AddVodDomain", Map.of("DomainName", domain, "Sources", ApiTestBase.SOURCES)).status())
                    .isEqualTo(200);
            pebble.setCname(domain, domain + ".w.alikunlun.com");

            assertThat(client.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                    "CertType", "free")).status()).isEqualTo(200);
            assertThat(info(client, domain).path("Status").asText()).isEqualTo("checking");

            for (int pass = 0; pass < 10 && !info(client, domain).path("Status").asText().equals("success"); pass++) {
                server.app().lifecycle().runOnce();
            }

            JsonNode info = info(client, domain);
            assertThat(info.path("Status").asText()).as(info.toString()).isEqualTo("success");
            assertThat(info.path("CertType").asText()).isEqualTo("free");
            assertThat(info.path("DomainCnameStatus").asText()).isEqualTo("ok");
            assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("on");
            X509Certificate leaf = PemParser.parseChain(info.path("ServerCertificate").asText()).get(0);
            assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=" + domain);
            assertThat(leaf.getIssuerX500Principal().getName()).startsWith("CN=Pebble Intermediate CA");
            assertThat(info.path("CertOrg").asText()).startsWith("Pebble Intermediate CA");
        }
    }

    private static JsonNode info(SignedClient client, String domain) {
        return client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)).json()
                .path("CertInfos").path("CertInfo").get(0);
    }
}

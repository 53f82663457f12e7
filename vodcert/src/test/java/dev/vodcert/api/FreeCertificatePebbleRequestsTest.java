package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.PebbleVodcert;
import dev.vodcert.testing.SignedClient;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The awkward ways to ask for a free certificate (README, "Decisions"), through the API with the
 * ACME issuer at a real Pebble: for a domain with HTTPS off, with {@code SSLProtocol=off}, for a
 * stopped domain, twice in a row, and while one is being issued. Orders are counted where Pebble
 * answers them (vodcert's ACME request metrics), so "no second order" is what the CA saw.
 */
class FreeCertificatePebbleRequestsTest extends PebbleApiTestBase {
    @Test
    void forADomainWithHttpsOffItIsAcceptedAndHttpsComesOnWithTheCertificate() {
        String name = "https-off.vodcert-acme.com";
        s.addDomainWithCname(name);
        assertThat(s.detail(name).path("SSLProtocol").asText()).isEqualTo("off");

        PebbleVodcert.ok(s.requestFree(name));
        JsonNode pending = s.info(name);
        assertThat(pending.path("Status").asText()).isEqualTo("checking");
        assertThat(pending.path("ServerCertificateStatus").asText()).as("nothing to serve yet").isEqualTo("off");
        assertThat(s.detail(name).path("SSLProtocol").asText()).isEqualTo("off");
        assertThat(s.detail(name).path("SSLPub").asText()).isEmpty();

        assertThat(s.runOnce()).isEqualTo(1);
        X509Certificate issued = s.assertServedByPebble(name);
        JsonNode detail = s.detail(name);
        assertThat(detail.path("SSLProtocol").asText()).isEqualTo("on");
        assertThat(dev.vodcert.certificate.PemParser.parseChain(detail.path("SSLPub").asText()).get(0))
                .isEqualTo(issued);
    }

    @Test
    void sslProtocolOffWithCertTypeFreeTurnsHttpsOffAndAsksForNothing() {
        String name = "off-free.vodcert-acme.com";
        s.addDomainWithCname(name);

        PebbleVodcert.ok(s.client().call("SetVodDomainSSLCertificate", Map.of("DomainName", name,
                "SSLProtocol", "off", "CertType", "free")));

        JsonNode info = s.info(name);
        assertThat(info.path("CertType").asText()).isEmpty();
        assertThat(info.path("Status").asText()).isEmpty();
        assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("off");
        assertThat(s.reports(name)).isEmpty();
        assertThat(s.runOnce()).isZero();
        assertThat(s.ordersCreated()).isZero();
    }

    @Test
    void forAStoppedDomainItIsRefusedWithNothingStoredAndWorksOnceStarted() {
        String name = "stopped.vodcert-acme.com";
        s.addDomainWithCname(name);
        PebbleVodcert.ok(s.client().call("BatchStopVodDomain", Map.of("DomainNames", name)));

        SignedClient.Answer refused = s.requestFree(name);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("InvalidDomain.Offline");
        assertThat(refused.json().path("Message").asText()).isEqualTo("The domain is offline. The domain " + name
                + " is stopped; start it with BatchStartVodDomain before changing its certificate.");
        JsonNode info = s.info(name);
        assertThat(info.path("CertType").asText()).isEmpty();
        assertThat(info.path("Status").asText()).isEmpty();
        assertThat(s.reports(name)).isEmpty();
        JsonNode detail = s.detail(name);
        assertThat(detail.path("DomainStatus").asText()).isEqualTo("offline");
        assertThat(detail.path("SSLProtocol").asText()).isEqualTo("off");
        assertThat(s.runOnce()).isZero();

        PebbleVodcert.ok(s.client().call("BatchStartVodDomain", Map.of("DomainNames", name)));
        PebbleVodcert.ok(s.requestFree(name));
        assertThat(s.runOnce()).isEqualTo(1);
        s.assertServedByPebble(name);
    }

    @Test
    void twiceInARowAndAgainOnceIssuedIsOneLifecycleAndOneOrder() {
        String name = "twice.vodcert-acme.com";
        s.addDomainWithCname(name);
        PebbleVodcert.ok(s.requestFree(name));
        s.clock.advance(java.time.Duration.ofSeconds(1));
        PebbleVodcert.ok(s.requestFree(name));
        assertThat(s.status(name)).isEqualTo("checking");

        assertThat(s.runOnce()).isEqualTo(1);
        X509Certificate issued = s.assertServedByPebble(name);
        JsonNode report = s.report(name);

        s.clock.advance(java.time.Duration.ofSeconds(1));
        PebbleVodcert.ok(s.requestFree(name));
        assertThat(s.report(name)).as("asking again changes nothing").isEqualTo(report);
        assertThat(s.runOnce()).isZero();
        assertThat(s.assertServedByPebble(name).getSerialNumber()).isEqualTo(issued.getSerialNumber());

        PebbleVodcert.ok(s.client().call("SetVodDomainSSLCertificate", Map.of("DomainName", name,
                "SSLProtocol", "off")));
        assertThat(s.info(name).path("ServerCertificateStatus").asText()).isEqualTo("off");
        PebbleVodcert.ok(s.requestFree(name));
        assertThat(s.assertServedByPebble(name).getSerialNumber()).as("HTTPS back on with the free certificate "
                + "in effect, at once").isEqualTo(issued.getSerialNumber());
        assertThat(s.report(name)).isEqualTo(report);
        assertThat(s.runOnce()).isZero();
        assertThat(s.ordersCreated()).isEqualTo(1);
    }

    @Test
    void whileOneIsBeingIssuedAskingAgainChangesNothingAndNoSecondOrderIsMade() {
        String name = "during.vodcert-acme.com";
        s.addDomainWithCname(name);
        PebbleVodcert.ok(s.requestFree(name));

        PebbleVodcert.InFlight order = s.passWithOrderInFlight(name);
        JsonNode before;
        try {
            before = s.report(name);
            assertThat(before.path("status").asText()).isEqualTo("applying");
            PebbleVodcert.ok(s.requestFree(name));
            assertThat(s.report(name)).isEqualTo(before);
            assertThat(s.status(name)).isEqualTo("applying");
        } finally {
            order.finish();
        }

        X509Certificate issued = s.assertServedByPebble(name);
        assertThat(s.runOnce()).as("nothing left to do").isZero();
        assertThat(s.assertServedByPebble(name).getSerialNumber()).isEqualTo(issued.getSerialNumber());
        assertThat(s.ordersCreated()).isEqualTo(1);
    }
}

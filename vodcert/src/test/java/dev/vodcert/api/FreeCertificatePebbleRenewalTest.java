package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.certificate.CertificateFacts;
import dev.vodcert.certificate.PemParser;
import dev.vodcert.issuance.LifecycleTiming;
import dev.vodcert.testing.PebbleServer;
import dev.vodcert.testing.PebbleVodcert;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Renewal by a real Pebble whose certificates live one hour ({@code certificateValidityPeriod}),
 * through the API: once the test clock passes the renewal time (a third of the lifetime left, minus
 * the jitter) Pebble issues a new certificate, and the old one is reported, and serves, until the
 * new one is in place, even when the node goes away in the middle of the renewal.
 */
class FreeCertificatePebbleRenewalTest extends PebbleApiTestBase {
    private static final Duration VALIDITY = Duration.ofHours(1);
    @Override
    PebbleServer.Builder pebbleBuilder() {
        return PebbleServer.builder(PebbleServer.freePort()).certificateValidity(VALIDITY);
    }

    /** Issues the first certificate and returns it. */
    private X509Certificate issued(String name) {
        s.addDomainWithCname(name);
        PebbleVodcert.ok(s.requestFree(name));
        assertThat(s.runOnce()).isEqualTo(1);
        return s.assertServedByPebble(name);
    }

    private Instant renewAt(String name) {
        return Instant.parse(s.report(name).path("renewAt").asText());
    }

    /** Asserts renewal is due when a third of the lifetime of {@code c} is left, up to a tenth earlier (jitter). */
    private static void assertRenewalWindow(X509Certificate c, Instant renewAt) {
        Instant notAfter = c.getNotAfter().toInstant();
        Duration life = Duration.between(c.getNotBefore().toInstant(), notAfter);
        assertThat(renewAt).isBetween(notAfter.minus(life.dividedBy(3)).minus(life.dividedBy(10)).minusSeconds(1),
                notAfter.minus(life.dividedBy(3)));
    }

    /** Asserts the domain still reports, and serves, {@code old}, with {@code status}. */
    private void assertStillServes(String name, X509Certificate old, String status) {
        JsonNode info = s.info(name);
        assertThat(info.path("Status").asText()).isEqualTo(status);
        assertThat(PemParser.parseChain(info.path("ServerCertificate").asText()).get(0).getSerialNumber())
                .isEqualTo(old.getSerialNumber());
        assertThat(info.path("CertExpireTime").asText())
                .isEqualTo(CertificateFacts.formatTime(old.getNotAfter().toInstant()));
        JsonNode detail = s.detail(name);
        assertThat(detail.path("SSLProtocol").asText()).isEqualTo("on");
        assertThat(PemParser.parseChain(detail.path("SSLPub").asText()).get(0)).isEqualTo(old);
    }

    @Test
    void pastTwoThirdsOfTheLifetimePebbleRenewsAndTheOldCertificateServesUntilTheNewOneIsIn() {
        String name = "renew.vodcert-acme.com";
        X509Certificate first = issued(name);
        assertThat(Duration.between(first.getNotBefore().toInstant(), first.getNotAfter().toInstant()))
                .as("Pebble's short validity").isBetween(VALIDITY.minusMinutes(1), VALIDITY);
        Instant renewAt = renewAt(name);
        assertRenewalWindow(first, renewAt);

        s.clock.set(renewAt.minusSeconds(1));
        assertThat(s.runOnce()).as("not due yet").isZero();
        assertStillServes(name, first, "success");

        s.clock.set(renewAt);
        PebbleVodcert.InFlight renewal = s.passWithOrderInFlight(name);
        try {
            assertStillServes(name, first, "applying");
        } finally {
            renewal.finish();
        }

        X509Certificate second = s.assertServedByPebble(name);
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
        assertThat(second.getNotAfter()).isAfterOrEqualTo(first.getNotAfter());
        assertRenewalWindow(second, renewAt(name));
        assertThat(s.report(name).path("attempts").asInt()).isZero();
    }

    @Test
    void aNodeGoneInTheMiddleOfARenewalNeverLosesTheCertificateInEffect() {
        String name = "renew-crash.vodcert-acme.com";
        X509Certificate first = issued(name);
        s.clock.set(renewAt(name));

        PebbleVodcert.InFlight renewal = s.passWithOrderInFlight(name);
        s.server.restart(); // gone while the order waits on Pebble; its lease stays, as after a crash
        renewal.finish();

        assertStillServes(name, first, "applying");
        assertThat(s.runOnce()).as("the dead node's lease holds").isZero();
        assertStillServes(name, first, "applying");

        s.clock.advance(LifecycleTiming.leaseTtl().plusSeconds(1));
        assertThat(s.runOnce()).isEqualTo(1);
        X509Certificate second = s.assertServedByPebble(name);
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
    }
}

package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.issuance.LifecycleTiming;
import dev.vodcert.testing.PebbleVodcert;
import org.junit.jupiter.api.Test;

/**
 * The CNAME check against real DNS (Pebble's challtestsrv) on the way to a certificate Pebble
 * issues, through the API only: no CNAME or a wrong one reads {@code cname_error} and fixing DNS
 * recovers on the re-check schedule without another call; a SERVFAIL keeps {@code checking} and is
 * retried. Pebble runs with its default nonce rejection (5 % of good nonces refused), which the
 * ACME client must ride through.
 */
class FreeCertificatePebbleChecksTest extends PebbleApiTestBase {
    @Test
    void pebbleRejectsNoncesAsByDefault() {
        assertThat(pebble.pebbleOutput()).as("PEBBLE_WFE_NONCEREJECT is left at Pebble's default")
                .contains("reject 5% of good nonces");
    }

    @Test
    void noCnameThenAWrongOneReadCnameErrorAndFixingDnsRecoversWithoutAnotherCall() {
        String name = "cname-fix.vodcert-acme.com";
        String cname = s.addDomain(name);
        assertThat(PebbleVodcert.ok(s.requestFree(name)).json().path("RequestId").asText()).isNotEmpty();
        assertThat(s.status(name)).isEqualTo("checking");

        assertThat(s.runOnce()).isEqualTo(1);
        JsonNode none = s.info(name);
        assertThat(none.path("Status").asText()).isEqualTo("cname_error");
        assertThat(none.path("DomainCnameStatus").asText()).isEqualTo("cname_error");
        assertThat(none.path("CertType").asText()).isEqualTo("free");
        assertThat(none.path("ServerCertificate").asText()).isEmpty();
        assertThat(none.path("CertExpireTime").asText()).isEmpty();
        assertThat(s.report(name).path("observedCname").asText()).as("challtestsrv answers A only").isEmpty();

        pebble.setCname(name, "old-cdn.example.net");
        s.clock.advance(LifecycleTiming.recheckAfter(1));
        assertThat(s.runOnce()).isEqualTo(1);
        assertThat(s.status(name)).isEqualTo("cname_error");
        JsonNode wrong = s.report(name);
        assertThat(wrong.path("observedCname").asText()).isEqualTo("old-cdn.example.net");
        assertThat(wrong.path("resolver").asText()).isEqualTo(pebble.dnsServer());
        assertThat(wrong.path("failedChecks").asInt()).isEqualTo(2);

        pebble.setCname(name, cname);
        assertThat(s.runOnce()).as("not due before the re-check delay").isZero();
        assertThat(s.status(name)).isEqualTo("cname_error");
        s.clock.advance(LifecycleTiming.recheckAfter(2));
        assertThat(s.runOnce()).isEqualTo(1);

        s.assertServedByPebble(name);
        assertThat(s.report(name).path("lastError").asText()).isEmpty();
    }

    @Test
    void aDnsServfailKeepsCheckingAndIsRetriedUntilDnsAnswers() {
        String name = "servfail.vodcert-acme.com";
        s.addDomainWithCname(name);
        pebble.setServfail(name);
        try {
            PebbleVodcert.ok(s.requestFree(name));
            assertThat(s.runOnce()).isEqualTo(1);
            assertThat(s.status(name)).isEqualTo("checking");
            JsonNode first = s.report(name);
            assertThat(first.path("lastError").asText()).contains("SERVFAIL");
            assertThat(first.path("failedChecks").asInt()).isEqualTo(1);

            s.clock.advance(LifecycleTiming.recheckAfter(1));
            assertThat(s.runOnce()).as("retried").isEqualTo(1);
            assertThat(s.status(name)).isEqualTo("checking");
            assertThat(s.report(name).path("failedChecks").asInt()).isEqualTo(2);
        } finally {
            pebble.clearServfail(name);
        }

        s.clock.advance(LifecycleTiming.recheckAfter(2));
        assertThat(s.runOnce()).isEqualTo(1);
        s.assertServedByPebble(name);
    }
}

package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.issuance.LifecycleTiming;
import dev.vodcert.testing.PebbleVodcert;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Faults on the way to a first certificate from a real Pebble, seen through the API and the
 * operators' view: the CA down gives {@code failed} with its reason kept, and the domain recovers
 * by itself once the CA is back and the backoff has passed; a node that goes away in the middle of
 * {@code applying} leaves the domain {@code applying}, and the next start resumes it once the dead
 * node's lease has expired. Pebble keeps its default nonce rejection.
 */
class FreeCertificatePebbleFaultsTest extends PebbleApiTestBase {
    @Test
    void theCaDownGivesFailedWithTheReasonKeptAndALaterRecoveryAfterTheBackoff() {
        String name = "ca-down.vodcert-acme.com";
        s.addDomainWithCname(name);
        PebbleVodcert.ok(s.requestFree(name));
        pebble.stopAcme();
        try {
            assertThat(s.runOnce()).isEqualTo(1);
            JsonNode info = s.info(name);
            assertThat(info.path("Status").asText()).isEqualTo("failed");
            assertThat(info.path("CertType").asText()).isEqualTo("free");
            assertThat(info.path("DomainCnameStatus").asText()).isEqualTo("ok");
            assertThat(info.path("ServerCertificate").asText()).isEmpty();
            assertThat(info.path("CertExpireTime").asText()).isEmpty();
            JsonNode why = s.report(name);
            assertThat(why.path("lastError").asText()).isEqualTo("acme: the ACME server " + pebble.directory()
                    + " could not be reached: connection refused or unreachable (" + name
                    + ", while registering the ACME account)");
            assertThat(why.path("attempts").asInt()).isEqualTo(1);
            assertThat(Instant.parse(why.path("nextAttempt").asText()))
                    .isEqualTo(s.clock.instant().plus(LifecycleTiming.backoffAfter(1)));

            s.clock.advance(LifecycleTiming.backoffAfter(1));
            assertThat(s.runOnce()).as("retried after the backoff").isEqualTo(1);
            assertThat(s.status(name)).isEqualTo("failed");
            assertThat(s.report(name).path("attempts").asInt()).isEqualTo(2);
        } finally {
            pebble.startAcme(); // a new Pebble: the stored account key registers again
        }

        assertThat(s.runOnce()).as("the second backoff (4 min) has not passed").isZero();
        assertThat(s.status(name)).isEqualTo("failed");
        s.clock.advance(LifecycleTiming.backoffAfter(2));
        assertThat(s.runOnce()).isEqualTo(1);

        s.assertServedByPebble(name);
        JsonNode after = s.report(name);
        assertThat(after.path("attempts").asInt()).isZero();
        assertThat(after.path("lastError").asText()).isEmpty();
    }

    @Test
    void aNodeGoneInTheMiddleOfApplyingLeavesAStateTheNextStartResumes() {
        String name = "crash-applying.vodcert-acme.com";
        s.addDomainWithCname(name);
        PebbleVodcert.ok(s.requestFree(name));

        PebbleVodcert.InFlight order = s.passWithOrderInFlight(name);
        assertThat(s.status(name)).isEqualTo("applying");
        // The node goes away while its ACME order waits on Pebble. With the loop thread off nothing
        // gives its lease back, as after a crash; its pass can store nothing once Pebble goes on.
        s.server.restart();
        order.finish();

        JsonNode left = s.info(name);
        assertThat(left.path("Status").asText()).isEqualTo("applying");
        assertThat(left.path("ServerCertificate").asText()).isEmpty();
        assertThat(s.report(name).path("leaseOwner").asText()).as("the dead node's lease").isNotEmpty();
        assertThat(s.runOnce()).as("the new node waits for the dead node's lease to expire").isZero();

        s.clock.advance(LifecycleTiming.leaseTtl().plusSeconds(1));
        assertThat(s.runOnce()).isEqualTo(1);

        s.assertServedByPebble(name);
        assertThat(s.report(name).path("leaseOwner").asText()).isEmpty();
    }
}

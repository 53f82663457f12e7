package dev.vodcert.edge;

import dev.vodcert.http.ClientLimits;
import static dev.vodcert.edge.EdgeFixture.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.testing.PebbleServer;
import dev.vodcert.testing.PebbleVodcert;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A free certificate from Debian's Pebble validated through the edge's HTTP port (the service runs
 * no challenge listener of its own), then presented by the edge's HTTPS port; and its renewal
 * swapped in under a stream of live HTTPS requests, none of which fails.
 */
class EdgePebbleTest {
    private static final Duration VALIDITY = Duration.ofHours(1);

    @Test
    void http01ThroughTheEdgeThenTheRenewalSwapUnderLiveRequests() throws Exception {
        int http01Port = PebbleServer.freePort();
        try (PebbleServer pebble = PebbleServer.builder(http01Port).certificateValidity(VALIDITY).start();
             PebbleVodcert s = new PebbleVodcert(pebble, 0);
             TinyOrigin origin = new TinyOrigin("pebble", 0)) {
            KeyCipher cipher = new KeyCipher(KeyCipher.loadOrCreateMasterKey(s.server.dataDir(), null));
            EdgeFixture fx = new EdgeFixture(s.server, cipher,
                    new EdgeConfig("127.0.0.1", 0, http01Port, EdgeConfig.DEFAULT_REFRESH,
                            Duration.ofSeconds(2), Duration.ofSeconds(5), EdgeConfig.DEFAULT_IDLE_TIMEOUT, ClientLimits.DEFAULTS),
                    s.clock);
            try {
                String name = "edge-http01.vodcert-acme.com";
                s.addDomainWithCname(name);
                PebbleVodcert.ok(s.client().call("UpdateVodDomain", Map.of("DomainName", name,
                        "Sources", origin.sources())));
                assertThat(TlsProbe.plainGet(http01Port, name, "/.well-known/acme-challenge/unknownToken").status())
                        .isEqualTo(404);

                PebbleVodcert.ok(s.requestFree(name));
                assertThat(s.runOnce()).isEqualTo(1);
                X509Certificate first = s.assertServedByPebble(name);
                within(EdgeFixture.PROPAGATION, "Pebble's certificate presented",
                        () -> TlsProbe.handshake(fx.https(), name).getSerialNumber().equals(first.getSerialNumber()));

                try (LiveRequests live = new LiveRequests(fx.https(), name, 2)) {
                    within(EdgeFixture.PROPAGATION, "live requests flowing", () -> live.succeeded() > 10);
                    s.clock.set(Instant.parse(s.report(name).path("renewAt").asText()));
                    assertThat(s.runOnce()).isEqualTo(1);
                    X509Certificate second = s.assertServedByPebble(name);
                    assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
                    within(EdgeFixture.PROPAGATION, "renewed serial presented",
                            () -> live.presented(second.getSerialNumber()));
                    live.close();
                    assertThat(live.failures()).isEmpty();
                }
            } finally {
                fx.closeEdge();
            }
        }
    }
}

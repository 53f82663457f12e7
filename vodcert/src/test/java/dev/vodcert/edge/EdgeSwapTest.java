package dev.vodcert.edge;

import static dev.vodcert.edge.EdgeFixture.addDomain;
import static dev.vodcert.edge.EdgeFixture.serial;
import static dev.vodcert.edge.EdgeFixture.upload;
import static dev.vodcert.edge.EdgeFixture.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.Issued;
import org.junit.jupiter.api.Test;

/**
 * Replacing a domain's certificate through the API while HTTPS requests stream in: the next
 * handshakes present the new certificate within seconds, with no restart, and no request fails.
 */
class EdgeSwapTest {

    @Test
    void aReplacedCertificateIsPresentedWithinSecondsAndNoLiveRequestFails() throws Exception {
        try (EdgeFixture fx = EdgeFixture.onH2(); TinyOrigin origin = new TinyOrigin("live", 0)) {
            String name = "swap.edge-test.com";
            addDomain(fx.client, name, origin.sources());
            Issued first = upload(fx.client, name, name);
            within(EdgeFixture.PROPAGATION, "first certificate served",
                    () -> TlsProbe.handshake(fx.https(), name).getSerialNumber().equals(serial(first)));

            Issued second;
            try (LiveRequests live = new LiveRequests(fx.https(), name, 3)) {
                within(EdgeFixture.PROPAGATION, "live requests flowing", () -> live.succeeded() > 10);
                second = upload(fx.client, name, name);
                within(EdgeFixture.PROPAGATION, "new serial presented", () -> live.presented(serial(second)));
                int before = live.succeeded();
                within(EdgeFixture.PROPAGATION, "requests go on", () -> live.succeeded() > before + 10);
                live.close();
                assertThat(live.failures()).isEmpty();
                assertThat(live.presented(serial(first))).isTrue();
            }
            assertThat(TlsProbe.handshake(fx.https(), name).getSerialNumber()).isEqualTo(serial(second));
        }
    }
}

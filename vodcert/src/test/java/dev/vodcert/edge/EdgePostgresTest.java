package dev.vodcert.edge;

import static dev.vodcert.edge.EdgeFixture.addDomain;
import static dev.vodcert.edge.EdgeFixture.ok;
import static dev.vodcert.edge.EdgeFixture.serial;
import static dev.vodcert.edge.EdgeFixture.upload;
import static dev.vodcert.edge.EdgeFixture.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestServer;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL database, each with its edge: a certificate set, replaced or turned
 * off through one node's API is what both edges present (or refuse) within seconds.
 */
class EdgePostgresTest {

    @Test
    void bothEdgesSeeEveryChangeMadeThroughEitherNode() throws Exception {
        String jdbcUrl = EmbeddedPostgresServer.shared().newDatabase();
        KeyCipher cipher = new KeyCipher(Base64.getDecoder().decode(TestServer.MASTER_KEY));
        try (EdgeFixture one = new EdgeFixture(TestServer.onPostgres(jdbcUrl), cipher, EdgeFixture.testConfig());
             EdgeFixture two = new EdgeFixture(TestServer.onPostgres(jdbcUrl), cipher, EdgeFixture.testConfig());
             TinyOrigin origin = new TinyOrigin("pg", 0)) {
            String name = "pg-nodes.edge-test.com";
            addDomain(one.client, name, origin.sources());
            Issued first = upload(one.client, name, name);
            for (EdgeFixture edge : new EdgeFixture[] {one, two}) {
                within(EdgeFixture.PROPAGATION, "first certificate on every edge",
                        () -> TlsProbe.handshake(edge.https(), name).getSerialNumber().equals(serial(first)));
            }
            assertThat(TlsProbe.get(two.https(), name, name, "/pg").body()).startsWith("origin=pg host=" + name);

            Issued second = upload(one.client, name, name);
            for (EdgeFixture edge : new EdgeFixture[] {two, one}) {
                within(EdgeFixture.PROPAGATION, "replacement on every edge",
                        () -> TlsProbe.handshake(edge.https(), name).getSerialNumber().equals(serial(second)));
            }

            ok(one.client.call("SetVodDomainCertificate", Map.of("DomainName", name, "SSLProtocol", "off")));
            for (EdgeFixture edge : new EdgeFixture[] {two, one}) {
                within(EdgeFixture.PROPAGATION, "HTTPS off on every edge", () -> refused(edge, name));
            }
        }
    }

    private static boolean refused(EdgeFixture edge, String name) {
        try {
            TlsProbe.handshake(edge.https(), name);
            return false;
        } catch (SSLHandshakeException e) {
            return e.getMessage().contains("unrecognized_name");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

package dev.vodcert.server;

import dev.vodcert.testing.TempFolders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.certificate.PemParser;
import dev.vodcert.issuance.Issuer;
import dev.vodcert.testing.PebbleServer;
import dev.vodcert.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The ACME issuer and its HTTP-01 listener as the running service wires them. */
class VodcertAcmeTest {
    final PrintStream console = new PrintStream(new ByteArrayOutputStream(), true);

    Config config(Path dir) {
        return Config.defaults(dir).withPort(0).withAccessKey(TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET)
                .withAdmin(new AdminConfig("127.0.0.1", 0, null));
    }

    @Test
    void withoutAnAcmeDirectoryThereIsNoAcmeIssuerAndNothingListensOnPort80() throws Exception {
        try (Vodcert app = Vodcert.start(config(TempFolders.create("vodcert-noacme")), Clock.systemUTC(),
                console)) {
            assertThat(app.acmeIssuer()).isEmpty();
            assertThat(app.http01Port()).isZero();
        }
    }

    @Test
    void theConfiguredIssuerIssuesThroughTheServicesOwnHttp01Listener() throws Exception {
        int http01Port = PebbleServer.freePort();
        try (PebbleServer pebble = PebbleServer.builder(http01Port).start();
             Vodcert app = Vodcert.start(config(TempFolders.create("vodcert-acme"))
                     .withAcme(pebble.acmeSettings(), "127.0.0.1", http01Port), Clock.systemUTC(), console)) {
            assertThat(app.http01Port()).isEqualTo(http01Port);
            Issuer issuer = app.acmeIssuer().orElseThrow();
            assertThat(issuer.name()).isEqualTo("acme");

            Issuer.IssuedCertificate issued = issuer.issue("wired.vodcert-acme.com");

            assertThat(PemParser.parseChain(issued.chainPem()).get(0).getSubjectX500Principal().getName())
                    .isEqualTo("CN=wired.vodcert-acme.com");
        }
    }

    @Test
    void http01PortZeroLeavesTheListenerToOtherNodes() throws Exception {
        int acmePortNobodyUses = PebbleServer.freePort();
        Config config = config(TempFolders.create("vodcert-acme-nolistener")).withAcme(
                dev.vodcert.issuance.AcmeSettings.of(java.net.URI.create("acme://pebble/127.0.0.1:" + acmePortNobodyUses)),
                "127.0.0.1", 0);
        try (Vodcert app = Vodcert.start(config, Clock.systemUTC(), console)) {
            assertThat(app.acmeIssuer()).isPresent();
            assertThat(app.http01Port()).isZero();
        }
    }

    @Test
    void aBadHttp01PortIsRefusedAtStartNamingTheOption() throws Exception {
        Config config = config(TempFolders.create("vodcert-badport")).withAcme(null, "127.0.0.1", 70_000);

        assertThatThrownBy(() -> Vodcert.start(config, Clock.systemUTC(), console))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--http01-port must be 0-65535 (0 disables it), got 70000");
    }
}

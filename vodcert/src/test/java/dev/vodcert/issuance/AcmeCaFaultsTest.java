package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vodcert.certificate.PemParser;
import dev.vodcert.testing.PebbleServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The CA down, back again, and reached by a plain https:// directory URL with and without the trust store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcmeCaFaultsTest {
    final AcmeIssuerSupport support = new AcmeIssuerSupport();
    final PebbleServer pebble = support.pebble;

    @AfterAll
    void stop() {
        support.close();
    }

    @Test
    void aCaThatIsDownFailsQuicklyWithAClearReasonAndTheSameIssuerRecoversWhenItIsBack() throws Exception {
        AcmeIssuer issuer = support.issuer(pebble.acmeSettings().withTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(1)));
        issuer.issue(AcmeIssuerSupport.domain("before")); // the account exists at this Pebble
        pebble.stopAcme();
        IssuanceFailure down;
        Duration took;
        try {
            Instant start = Instant.now();
            down = catchThrowableOfType(IssuanceFailure.class, () -> issuer.issue(AcmeIssuerSupport.domain("down")));
            took = Duration.between(start, Instant.now());
        } finally {
            pebble.startAcme(); // a new Pebble: it has forgotten the account, which the stored key registers again
        }

        assertThat(took).as("refused at once, far below the 30 s network timeout").isLessThan(Duration.ofSeconds(10));
        assertThat(down.getMessage()).startsWith("the ACME server " + pebble.directory() + " could not be reached: "
                + "connection refused or unreachable").contains("while registering the ACME account");
        assertThat(down.rateLimited()).isFalse();
        assertThat(down.retryAfter()).isEmpty();

        String domain = AcmeIssuerSupport.domain("after");
        Issuer.IssuedCertificate issued = issuer.issue(domain);
        assertThat(PemParser.parseChain(issued.chainPem()).get(0).getSubjectX500Principal().getName())
                .isEqualTo("CN=" + domain);
    }

    @Test
    void aDirectoryWhereNothingListensIsUnreachable() {
        URI nowhere = URI.create("acme://pebble/127.0.0.1:" + PebbleServer.freePort());
        AcmeSettings settings = AcmeSettings.of(nowhere).withTrustStore(pebble.caPem(), null);

        IssuanceFailure failure = catchThrowableOfType(IssuanceFailure.class,
                () -> support.issuer(settings).issue(AcmeIssuerSupport.domain("nowhere")));

        assertThat(failure.getMessage()).contains("the ACME server " + nowhere + " could not be reached");
        assertThat(support.accounts.find(nowhere.toString())).as("the key is kept for when the CA is back").isPresent();
    }

    @Test
    void anHttpsDirectoryUrlWorksWithTheConfiguredTrustStore() throws Exception {
        AcmeSettings settings = AcmeSettings.of(pebble.httpsDirectory()).withTrustStore(pebble.caPem(), null);
        String domain = AcmeIssuerSupport.domain("https");

        Issuer.IssuedCertificate issued = support.issuer(settings).issue(domain);

        assertThat(PemParser.parseChain(issued.chainPem()).get(0).getSubjectX500Principal().getName())
                .isEqualTo("CN=" + domain);
    }

    @Test
    void withoutTheTrustStoreThePrivateCasHttpsIsNotTrustedAndTheReasonSaysWhatToSet() {
        AcmeSettings settings = AcmeSettings.of(pebble.httpsDirectory());

        IssuanceFailure failure = catchThrowableOfType(IssuanceFailure.class,
                () -> support.issuer(settings).issue(AcmeIssuerSupport.domain("untrusted")));

        assertThat(failure.getMessage()).contains("could not be reached: its HTTPS certificate is not trusted")
                .contains("--acme-trust-store");
    }
}

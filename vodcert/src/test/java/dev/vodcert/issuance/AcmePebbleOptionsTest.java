package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.PemParser;
import dev.vodcert.testing.AcmeRequests;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Pebble made harder: 30 % of good nonces refused as bad (acme4j retries up to 10 times), and
 * certificates that live ten minutes, as the renewal tests need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcmePebbleOptionsTest {
    static final Duration SHORT = Duration.ofMinutes(10);
    AcmeIssuerSupport support;

    @BeforeAll
    void start() {
        support = new AcmeIssuerSupport(options -> options.nonceRejectPercent(30).certificateValidity(SHORT));
    }

    @AfterAll
    void stop() {
        support.close();
    }

    @Test
    void badNoncesAreRetriedAndIssuanceSucceeds() throws Exception {
        AcmeIssuer issuer = support.issuer(support.pebble.acmeSettings());
        support.requests.clear();
        for (int i = 0; i < 3; i++) {
            issuer.issue(AcmeIssuerSupport.domain("nonce"));
        }
        long refused = support.requests.all().stream().filter(r -> r.method().equals("POST") && r.status() == 400)
                .count();
        // ~30 signed requests at 30 %: no refusal at all has a chance below 1e-4
        assertThat(refused).as("Pebble refused some nonces as bad: %s", support.requests.all()).isPositive();
        assertThat(support.requests.all()).extracting(AcmeRequests.Request::status).allMatch(s -> s < 500);
    }

    @Test
    void aShortCertificateValidityPeriodGivesAShortLivedCertificate() throws Exception {
        Issuer.IssuedCertificate issued = support.issuer(support.pebble.acmeSettings())
                .issue(AcmeIssuerSupport.domain("short"));

        X509Certificate leaf = PemParser.parseChain(issued.chainPem()).get(0);
        Duration life = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
        assertThat(life).isBetween(SHORT.minusSeconds(1), SHORT);
    }
}

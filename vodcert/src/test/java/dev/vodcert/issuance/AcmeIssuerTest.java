package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vodcert.certificate.CertificateBundle;
import dev.vodcert.certificate.CertificateFacts;
import dev.vodcert.certificate.CertificateValidator;
import dev.vodcert.certificate.HostnameMatcher;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.certificate.PemParser;
import dev.vodcert.store.AcmeAccountStore;
import dev.vodcert.store.AcmeChallengeStore;
import dev.vodcert.testing.AcmeRequests;
import dev.vodcert.testing.PebbleServer;
import dev.vodcert.testing.TestPem;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** The ACME issuer against the real Pebble: issuing, key types, what a refused validation says, secrets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcmeIssuerTest {
    AcmeIssuerSupport support;
    PebbleServer pebble;
    AcmeChallengeStore challenges;
    AcmeAccountStore accounts;
    KeyCipher cipher;
    AcmeRequests requests;

    @BeforeAll
    void start() {
        support = new AcmeIssuerSupport();
        pebble = support.pebble;
        challenges = support.challenges;
        accounts = support.accounts;
        cipher = support.cipher;
        requests = support.requests;
    }

    @AfterAll
    void stop() {
        support.close();
    }

    static String domain(String prefix) {
        return AcmeIssuerSupport.domain(prefix);
    }

    AcmeIssuer issuer(AcmeSettings settings) {
        return support.issuer(settings);
    }

    @Test
    void issuesACertificateSignedByPebbleForTheDomainWithAFreshEcKey() throws Exception {
        String domain = domain("issue");
        Issuer.IssuedCertificate issued = issuer(pebble.acmeSettings()).issue(domain);

        List<X509Certificate> chain = PemParser.parseChain(issued.chainPem());
        PrivateKey key = PemParser.parsePrivateKey(issued.privateKeyPem());
        CertificateValidator.validate(new CertificateBundle(chain, key), domain, Instant.now());
        X509Certificate leaf = chain.get(0);
        assertThat(HostnameMatcher.matchingName(leaf, domain)).contains(domain);
        assertThat(chain).hasSizeGreaterThanOrEqualTo(2);
        leaf.verify(chain.get(1).getPublicKey());
        assertThat(leaf.getIssuerX500Principal().getName()).startsWith("CN=Pebble Intermediate CA ").doesNotContain("O=");
        CertificateFacts facts = CertificateFacts.of(leaf);
        assertThat(facts.issuerOrg()).startsWith("Pebble Intermediate CA ");
        assertThat(facts.certLife()).isEqualTo("5 years");
        assertThat(key).isInstanceOf(ECPrivateKey.class);
        assertThat(((ECPrivateKey) key).getParams().getOrder().bitLength()).isEqualTo(256);
        assertThat(challenges.count()).as("answers are withdrawn when the order ends").isZero();
    }

    @Test
    void rsa2048IsTheOtherKeyType() throws Exception {
        String domain = domain("rsa");
        Issuer.IssuedCertificate issued = issuer(pebble.acmeSettings().withKeyType(DomainKeyType.RSA_2048)).issue(domain);

        PrivateKey key = PemParser.parsePrivateKey(issued.privateKeyPem());
        assertThat(key).isInstanceOf(RSAPrivateKey.class);
        assertThat(((RSAPrivateKey) key).getModulus().bitLength()).isEqualTo(2048);
        CertificateValidator.validate(new CertificateBundle(PemParser.parseChain(issued.chainPem()), key), domain,
                Instant.now());
    }

    @Test
    void aValidationTheCaCannotCompleteFailsWithTheCasProblemDetail() {
        String domain = domain("unreachable");
        pebble.addA(domain, "127.0.0.2"); // nothing answers HTTP-01 there: the listener is bound to 127.0.0.1

        IssuanceFailure failure = catchThrowableOfType(IssuanceFailure.class,
                () -> issuer(pebble.acmeSettings()).issue(domain));

        assertThat(failure.getMessage()).contains("could not validate " + domain + " by HTTP-01")
                .contains("127.0.0.2").containsIgnoringCase("connection refused");
        assertThat(failure.rateLimited()).isFalse();
        assertThat(challenges.count()).isZero();
    }

    @Test
    void aDnsFailureAtTheCaIsReportedWithItsDetail() {
        String domain = domain("dnsdown");
        pebble.setServfail(domain);

        IssuanceFailure failure = catchThrowableOfType(IssuanceFailure.class,
                () -> issuer(pebble.acmeSettings()).issue(domain));

        assertThat(failure.getMessage()).contains("could not validate " + domain + " by HTTP-01")
                .contains("could not resolve");
        assertThat(challenges.count()).isZero();
    }

    @Test
    void theAccountKeyIsStoredOnceEncryptedAndReusedByEveryIssuer() throws Exception {
        issuer(pebble.acmeSettings()).issue(domain("account"));
        AcmeAccountStore.Row first = accounts.find(pebble.directory().toString()).orElseThrow();
        issuer(pebble.acmeSettings()).issue(domain("account"));
        AcmeAccountStore.Row second = accounts.find(pebble.directory().toString()).orElseThrow();

        assertThat(first.keyPairEnc()).startsWith("v1:").doesNotContain("PRIVATE KEY");
        assertThat(cipher.decrypt(first.keyPairEnc())).contains("PRIVATE KEY");
        assertThat(second.keyPairEnc()).isEqualTo(first.keyPairEnc());
        assertThat(first.accountUrl()).startsWith("https://127.0.0.1:");
        assertThat(second.accountUrl()).as("the same key is the same account at the CA").isEqualTo(first.accountUrl());
    }

    @Test
    void everyExchangeWithTheCaReachesTheRequestListener() throws Exception {
        requests.clear();
        issuer(pebble.acmeSettings()).issue(domain("listen"));

        List<AcmeRequests.Request> seen = requests.all();
        assertThat(seen).allSatisfy(r -> {
            assertThat(r.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(r.status()).isBetween(200, 499);
            assertThat(r.latency()).isPositive();
        });
        assertThat(seen).anySatisfy(r -> assertThat(r.method() + " " + r.uri().getPath()).isEqualTo("GET /dir"));
        assertThat(seen).anySatisfy(r -> assertThat(r.method()).isEqualTo("HEAD"));
        assertThat(seen).anySatisfy(r -> assertThat(r.method() + " " + r.status()).isEqualTo("POST 201"));
    }

    @Test
    void keysStayOutOfLogsAndFailures() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Issuer.IssuedCertificate issued;
        try {
            issued = issuer(pebble.acmeSettings()).issue(domain("logs"));
        } finally {
            root.detachAppender(captured);
        }
        String keyBody = TestPem.body(issued.privateKeyPem());
        String accountKey = cipher.decrypt(accounts.find(pebble.directory().toString()).orElseThrow().keyPairEnc());
        assertThat(captured.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(keyBody).doesNotContain(TestPem.body(accountKey)).doesNotContain("PRIVATE KEY"));
        assertThat(issued.toString()).doesNotContain(keyBody).doesNotContain("PRIVATE");
    }
}

package dev.vodcert.certificate;

import static dev.vodcert.certificate.Refusals.assertNoKeyMaterial;
import static dev.vodcert.certificate.Refusals.invalidPub;
import static dev.vodcert.certificate.Refusals.privateKeyError;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCa;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestPem;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateValidatorTest {
    private static final Instant NOW = Instant.now();

    private static void validate(String pub, String pri, String domain) {
        CertificateValidator.validate(PemParser.parse(pub, pri), domain, NOW);
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 4096})
    void acceptsRsa(int bits) {
        Issued site = TestCertificates.certificate().key(TestCertificates.rsa(bits)).dns("example.com").issue();
        assertThatCode(() -> validate(site.chainPem(), site.keyPemPkcs1(), "example.com")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void acceptsEc(String curve) {
        Issued site = TestCertificates.certificate().key(TestCertificates.ec(curve)).dns("example.com").issue();
        assertThatCode(() -> validate(site.chainPem(), site.keyPemSec1(), "example.com")).doesNotThrowAnyException();
    }

    @Test
    void acceptsALeafAloneAChainOfThreeAndASelfSignedCertificate() {
        Issued site = TestCertificates.issue("example.com");
        assertThatCode(() -> validate(site.certPem(), site.keyPemPkcs8(), "example.com")).doesNotThrowAnyException();
        Issued deep = TestCertificates.intermediate(TestCertificates.ca(), "CN=vodcert test intermediate")
                .issue("example.com");
        assertThatCode(() -> validate(deep.chainPem(), deep.keyPemPkcs8(), "example.com")).doesNotThrowAnyException();
        Issued self = TestCertificates.certificate().dns("example.com").selfSigned().issue();
        assertThatCode(() -> validate(self.chainPem(), self.keyPemPkcs8(), "example.com")).doesNotThrowAnyException();
    }

    @Test
    void refusesAKeyOfAnotherCertificate() {
        Issued site = TestCertificates.issue("example.com");
        String otherRsa = TestPem.pkcs8(TestCertificates.freshRsa(2048).getPrivate());
        assertNoKeyMaterial(privateKeyError(() -> validate(site.chainPem(), otherRsa, "example.com"),
                "the private key does not belong to the certificate"), otherRsa);
        Issued ecSite = TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns("example.com").issue();
        String otherEc = TestPem.pkcs8(TestCertificates.ec("secp256r1").getPrivate());
        assertNoKeyMaterial(privateKeyError(() -> validate(ecSite.chainPem(), otherEc, "example.com"),
                "the private key does not belong to the certificate"), otherEc);
        String otherCurve = TestPem.pkcs8(TestCertificates.ec("secp384r1").getPrivate());
        privateKeyError(() -> validate(ecSite.chainPem(), otherCurve, "example.com"),
                "the private key does not belong to the certificate");
    }

    @Test
    void refusesAKeyOfAnotherAlgorithm() {
        Issued site = TestCertificates.issue("example.com");
        String ecKey = TestPem.pkcs8(TestCertificates.ec("secp256r1").getPrivate());
        assertNoKeyMaterial(privateKeyError(() -> validate(site.chainPem(), ecKey, "example.com"),
                "the private key does not belong to the certificate"), ecKey);
        Issued ecSite = TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns("example.com").issue();
        privateKeyError(() -> validate(ecSite.chainPem(), site.keyPemPkcs8(), "example.com"),
                "the private key does not belong to the certificate");
    }

    @Test
    void refusesExpiredAndNotYetValidCertificates() {
        Issued expired = TestCertificates.certificate().dns("example.com")
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-03-31T12:30:45Z")).issue();
        invalidPub(() -> validate(expired.chainPem(), expired.keyPemPkcs8(), "example.com"),
                "certificate expired at 2020-03-31T12:30:45Z");
        Instant start = NOW.plus(Duration.ofDays(10));
        Issued future = TestCertificates.certificate().dns("example.com")
                .validity(start, start.plus(Duration.ofDays(90))).issue();
        invalidPub(() -> validate(future.chainPem(), future.keyPemPkcs8(), "example.com"),
                "certificate is not valid before " + CertificateFacts.formatTime(start));
    }

    @Test
    void refusesWeakOrUnsupportedLeafKeys() {
        Issued weak = TestCertificates.certificate().key(TestCertificates.rsa(1024)).dns("example.com").issue();
        invalidPub(() -> validate(weak.chainPem(), weak.keyPemPkcs1(), "example.com"),
                "the certificate's RSA key has 1024 bits; at least 2048 are required");
        KeyPair k256 = TestCertificates.ec("secp256k1");
        Issued odd = TestCertificates.certificate().key(k256).dns("example.com").issue();
        CertificateBundle bundle = new CertificateBundle(odd.chain(), k256.getPrivate());
        invalidPub(() -> CertificateValidator.validate(bundle, "example.com", NOW),
                "EC curve secp256k1 is not supported");
    }

    @Test
    void refusesAChainOutOfOrder() {
        TestCa root = TestCertificates.ca();
        TestCa intermediate = TestCertificates.intermediate(root, "CN=vodcert test intermediate");
        Issued site = intermediate.issue("example.com");
        invalidPub(() -> validate(TestPem.certificates(site.cert(), root.cert(), intermediate.cert()),
                site.keyPemPkcs8(), "example.com"), "certificate 1 of the chain is not signed by certificate 2");
        TestCa stranger = TestCertificates.newCa("CN=another root");
        invalidPub(() -> validate(TestPem.certificates(site.cert(), intermediate.cert(), stranger.cert()),
                site.keyPemPkcs8(), "example.com"), "certificate 2 of the chain is not signed by certificate 3");
        invalidPub(() -> validate(TestPem.certificates(List.of(intermediate.cert(), site.cert())),
                site.keyPemPkcs8(), "example.com"),
                "the chain is out of order: the private key belongs to certificate 2 of the chain");
    }

    @Test
    void refusesACertificateForAnotherDomain() {
        Issued site = TestCertificates.issue("example.com", "*.example.com");
        ApiException e = invalidPub(() -> validate(site.chainPem(), site.keyPemPkcs8(), "a.b.example.com"),
                "the certificate does not cover the domain a.b.example.com; it covers example.com, *.example.com");
        assertNoKeyMaterial(e, site.keyPemPkcs8());
        Issued cnOnly = TestCertificates.certificate().cn("My Web Server").dns().issue();
        invalidPub(() -> validate(cnOnly.chainPem(), cnOnly.keyPemPkcs8(), "example.com"),
                "the certificate has no subjectAltName DNS name");
    }

    @Test
    void acceptsWildcardsPerRfc6125() {
        Issued wildcard = TestCertificates.issue("*.example.com");
        assertThatCode(() -> validate(wildcard.chainPem(), wildcard.keyPemPkcs8(), "a.example.com"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validate(wildcard.chainPem(), wildcard.keyPemPkcs8(), ".example.com"))
                .doesNotThrowAnyException();
        invalidPub(() -> validate(wildcard.chainPem(), wildcard.keyPemPkcs8(), "example.com"),
                "does not cover the domain example.com");
    }
}

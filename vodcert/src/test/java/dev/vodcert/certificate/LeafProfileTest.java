package dev.vodcert.certificate;

import static dev.vodcert.certificate.Refusals.invalidPub;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What browsers and RFC 5280 clients refuse in a leaf is refused on upload, naming the reason. */
class LeafProfileTest {

    private static void validate(Issued site, String domain) {
        CertificateValidator.validate(PemParser.parse(site.chainPem(), site.keyPemPkcs8()), domain, Instant.now());
    }

    @Test
    void refusesAnUnknownCriticalExtension() {
        Issued site = TestCertificates.certificate().dns("example.com").criticalExtension("1.2.3.4.5.6").issue();
        invalidPub(() -> validate(site, "example.com"),
                "the certificate has a critical extension TLS clients do not know (1.2.3.4.5.6), so they must refuse it");
    }

    @Test
    void refusesTheCertificateTransparencyPoisonOfAPrecertificate() {
        Issued precert = TestCertificates.certificate().dns("example.com")
                .criticalExtension("1.3.6.1.4.1.11129.2.4.3").issue();
        invalidPub(() -> validate(precert, "example.com"), "critical extension TLS clients do not know "
                + "(1.3.6.1.4.1.11129.2.4.3)");
    }

    @Test
    void refusesACnOnlyCertificate() {
        Issued cnOnly = TestCertificates.certificate().cn("example.com").dns().issue();
        invalidPub(() -> validate(cnOnly, "example.com"),
                "the certificate has no subjectAltName DNS name, which browsers require");
    }

    @ParameterizedTest
    @CsvSource({"MD5withRSA, MD5", "SHA1withRSA, SHA-1"})
    void refusesABrokenHashInAnRsaSignature(String algorithm, String hash) {
        Issued weak = TestCertificates.certificate().dns("example.com").selfSigned().signatureAlgorithm(algorithm)
                .issue();
        invalidPub(() -> validate(weak, "example.com"),
                "the certificate is signed with " + hash + " (" + algorithm + "), which browsers refuse");
    }

    @Test
    void refusesSha1FromAnEcCa() {
        Issued weak = TestCertificates.certificate().dns("example.com").signatureAlgorithm("SHA1withECDSA").issue();
        invalidPub(() -> validate(weak, "example.com"), "the certificate is signed with SHA-1 (SHA1withECDSA)");
    }

    @Test
    void acceptsKnownCriticalExtensionsAndSha384() {
        Issued site = TestCertificates.certificate().dns("example.com").signatureAlgorithm("SHA384withECDSA").issue();
        assertThatCode(() -> validate(site, "example.com")).doesNotThrowAnyException();
        Issued sanOnly = TestCertificates.certificate().cn(null).dns("example.com").issue(); // SAN is critical here
        assertThatCode(() -> validate(sanOnly, "example.com")).doesNotThrowAnyException();
    }
}

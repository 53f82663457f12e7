package dev.vodcert.certificate;

import static dev.vodcert.certificate.Refusals.assertNoKeyMaterial;
import static dev.vodcert.certificate.Refusals.invalidPri;
import static dev.vodcert.certificate.Refusals.invalidPub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestPem;
import java.security.KeyPair;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way SSLPub and SSLPri are refused: code, status and reason. */
class PemParserRefusalTest {

    @Test
    void refusesSslPubWithoutCertificate() {
        invalidPub(() -> PemParser.parseChain("hello, this is not a certificate"),
                "SSLPub is not a PEM certificate: no '-----BEGIN CERTIFICATE-----' block found");
        invalidPub(() -> PemParser.parseChain("   "), "SSLPub is empty");
        invalidPub(() -> PemParser.parseChain(null), "SSLPub is empty");
    }

    @Test
    void refusesGarbageInsideACertificateBlock() {
        invalidPub(() -> PemParser.parseChain("-----BEGIN CERTIFICATE-----\nnot*base64!\n-----END CERTIFICATE-----\n"),
                "SSLPub");
        String helloWorld = "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n";
        invalidPub(() -> PemParser.parseChain(helloWorld),
                "certificate 1 of SSLPub is not an X.509 certificate");
    }

    @Test
    void refusesTruncatedCertificates() {
        String pem = TestCertificates.issue("example.com").certPem();
        invalidPub(() -> PemParser.parseChain(pem.substring(0, pem.length() / 2)),
                "SSLPub is not well-formed PEM", "lacks its END line");
        List<String> lines = pem.lines().toList();
        String cutBody = String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(lines.size() - 1) + "\n";
        invalidPub(() -> PemParser.parseChain(cutBody), "certificate 1 of SSLPub is not an X.509 certificate");
        String cutMidLine = pem.substring(0, pem.indexOf('\n', 200) - 10) + "\n-----END CERTIFICATE-----\n";
        invalidPub(() -> PemParser.parseChain(cutMidLine), "SSLPub");
    }

    @Test
    void refusesAPrivateKeyInSslPub() {
        Issued site = TestCertificates.issue("example.com");
        ApiException e = invalidPub(() -> PemParser.parseChain(site.certPem() + site.keyPemPkcs8()),
                "SSLPub holds a private key ('PRIVATE KEY' block)", "goes in SSLPri");
        assertNoKeyMaterial(e, site.keyPemPkcs8());
    }

    @Test
    void refusesMoreThanTenCertificates() {
        String one = TestCertificates.issue("example.com").certPem();
        assertThat(PemParser.parseChain(String.join("", Collections.nCopies(10, one)))).hasSize(10);
        invalidPub(() -> PemParser.parseChain(String.join("", Collections.nCopies(11, one))),
                "SSLPub holds more than 10 certificates");
    }

    @Test
    void refusesOversizeInput() {
        Issued site = TestCertificates.issue("example.com");
        String padding = " ".repeat(PemParser.MAX_PUB_BYTES);
        invalidPub(() -> PemParser.parseChain(site.certPem() + padding), "SSLPub is larger than 64 KiB");
        invalidPub(() -> PemParser.parseChain(site.certPem() + "é".repeat(PemParser.MAX_PUB_BYTES / 2)),
                "SSLPub is larger than 64 KiB");
        invalidPri(() -> PemParser.parse(site.certPem(), site.keyPemPkcs8() + " ".repeat(PemParser.MAX_PRI_BYTES)),
                "SSLPri is larger than 16 KiB");
    }

    @Test
    void refusesEncryptedKeys() {
        Issued rsa = TestCertificates.issue("example.com");
        String pkcs8 = rsa.keyPemEncryptedPkcs8("s3cret");
        assertThat(pkcs8).contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertNoKeyMaterial(invalidPri(() -> PemParser.parse(rsa.chainPem(), pkcs8),
                "encrypted keys are not supported"), pkcs8);
        String traditional = rsa.keyPemEncryptedTraditional("s3cret");
        assertThat(traditional).contains("Proc-Type: 4,ENCRYPTED");
        assertNoKeyMaterial(invalidPri(() -> PemParser.parse(rsa.chainPem(), traditional),
                "encrypted keys are not supported"), traditional);
        Issued ec = TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns("example.com").issue();
        invalidPri(() -> PemParser.parse(ec.chainPem(), ec.keyPemEncryptedTraditional("pw")),
                "encrypted keys are not supported");
    }

    @Test
    void refusesMissingOrGarbageKeys() {
        Issued site = TestCertificates.issue("example.com");
        invalidPri(() -> PemParser.parse(site.chainPem(), "no key here"),
                "SSLPri is not a PEM private key: no '-----BEGIN PRIVATE KEY-----'");
        invalidPri(() -> PemParser.parse(site.chainPem(), ""), "SSLPri is empty");
        invalidPri(() -> PemParser.parse(site.chainPem(), site.certPem()),
                "SSLPri holds a certificate, not a private key");
        invalidPri(() -> PemParser.parse(site.chainPem(),
                "-----BEGIN PRIVATE KEY-----\naGVsbG8gd29ybGQ=\n-----END PRIVATE KEY-----\n"),
                "SSLPri's 'PRIVATE KEY' block does not decode");
        String key = site.keyPemPkcs1();
        String truncated = key.substring(0, key.length() / 2);
        assertNoKeyMaterial(invalidPri(() -> PemParser.parse(site.chainPem(), truncated),
                "SSLPri is not well-formed PEM"), truncated);
        String twoKeys = site.keyPemPkcs8() + site.keyPemPkcs1();
        assertNoKeyMaterial(invalidPri(() -> PemParser.parse(site.chainPem(), twoKeys),
                "SSLPri holds more than one private key"), twoKeys);
    }

    @Test
    void refusesUnsupportedKeyAlgorithms() {
        Issued site = TestCertificates.issue("example.com");
        KeyPair dsa = TestCertificates.keyPair("DSA");
        KeyPair ed25519 = TestCertificates.keyPair("Ed25519");
        KeyPair k256 = TestCertificates.ec("secp256k1");
        assertNoKeyMaterial(invalidPri(() -> PemParser.parse(site.chainPem(), TestPem.pkcs8(dsa.getPrivate())),
                "key algorithm DSA is not supported"), TestPem.pkcs8(dsa.getPrivate()));
        invalidPri(() -> PemParser.parse(site.chainPem(), TestPem.traditional(dsa.getPrivate())),
                "key algorithm DSA is not supported");
        invalidPri(() -> PemParser.parse(site.chainPem(), TestPem.pkcs8(ed25519.getPrivate())),
                "key algorithm Ed25519 is not supported");
        invalidPri(() -> PemParser.parse(site.chainPem(), TestPem.pkcs8(k256.getPrivate())),
                "EC curve secp256k1 is not supported");
    }

    @Test
    void refusesCertificatesTheJdkCannotLoad() {
        Issued nameless = TestCertificates.certificate().cn(null).dns().issue(); // empty subject, no SAN
        invalidPub(() -> PemParser.parseChain(nameless.certPem()),
                "certificate 1 of SSLPub could not be loaded as an X.509 certificate");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PUBLIC KEY | SSLPri holds a public key, not a private key",
        "RSA PUBLIC KEY | SSLPri holds a public key, not a private key",
        "OPENSSH PRIVATE KEY | SSLPri is an OpenSSH key; convert it to PEM",
        "X509 CRL | SSLPri holds a PEM block of type 'X509 CRL', not a private key",
        "weird<type> | SSLPri holds a PEM block of type '?', not a private key",
    })
    void namesTheWrongBlockInSslPri(String type, String message) {
        String block = "-----BEGIN " + type + "-----\nAAAA\n-----END " + type + "-----\n";
        invalidPri(() -> PemParser.parsePrivateKey(block), message);
    }

    @Test
    void namesTheWrongBlockInSslPub() {
        invalidPub(() -> PemParser.parseChain("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n"),
                "SSLPub holds a PEM block of type 'X509 CRL'; only CERTIFICATE blocks are accepted");
    }
}

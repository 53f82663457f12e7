package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCa;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestPem;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemParserTest {

    @ParameterizedTest
    @ValueSource(ints = {2048, 4096})
    void readsRsaKeysAsPkcs1AndPkcs8(int bits) {
        Issued site = TestCertificates.certificate().key(TestCertificates.rsa(bits)).dns("example.com").issue();
        for (String key : List.of(site.keyPemPkcs1(), site.keyPemPkcs8())) {
            CertificateBundle bundle = PemParser.parse(site.chainPem(), key);
            assertThat(bundle.privateKey()).isInstanceOf(RSAPrivateKey.class).isEqualTo(site.keyPair().getPrivate());
            assertThat(bundle.leaf()).isEqualTo(site.cert());
        }
        assertThat(site.keyPemPkcs1()).contains("-----BEGIN RSA PRIVATE KEY-----");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void readsEcKeysAsPkcs8Sec1AndSec1WithParameters(String curve) {
        Issued site = TestCertificates.certificate().key(TestCertificates.ec(curve)).dns("example.com").issue();
        assertThat(site.keyPemSec1WithParameters()).startsWith("-----BEGIN EC PARAMETERS-----")
                .contains("-----BEGIN EC PRIVATE KEY-----");
        for (String key : List.of(site.keyPemPkcs8(), site.keyPemSec1(), site.keyPemSec1WithParameters())) {
            CertificateBundle bundle = PemParser.parse(site.chainPem(), key);
            assertThat(bundle.privateKey()).isInstanceOf(ECPrivateKey.class);
            assertThat(((ECPrivateKey) bundle.privateKey()).getS())
                    .isEqualTo(((ECPrivateKey) site.keyPair().getPrivate()).getS());
        }
    }

    @Test
    void keepsTheChainInTheOrderGiven() {
        TestCa intermediate = TestCertificates.intermediate(TestCertificates.ca(), "CN=vodcert test intermediate");
        Issued site = intermediate.issue("example.com");
        List<X509Certificate> chain = PemParser.parseChain(site.chainPem());
        assertThat(chain).hasSize(3).containsExactlyElementsOf(site.chain());
        assertThat(chain.get(2)).isEqualTo(TestCertificates.ca().cert());
    }

    @Test
    void acceptsCrlfIndentationAndSurroundingWhitespace() {
        Issued site = TestCertificates.issue("example.com");
        String crlfIndented = site.chainPem().replace("\n", "\r\n").replace("-----BEGIN", "   -----BEGIN");
        String pub = "\uFEFF \r\n\t" + crlfIndented + "\r\n \n";
        String pri = "\n\n  " + site.keyPemPkcs1().replace("\n", "\r\n") + "  \r\n";
        CertificateBundle bundle = PemParser.parse(pub, pri);
        assertThat(bundle.chain()).containsExactlyElementsOf(site.chain());
        assertThat(bundle.privateKey()).isEqualTo(site.keyPair().getPrivate());
    }

    @Test
    void ignoresTextBetweenBlocks() {
        Issued site = TestCertificates.issue("example.com");
        String pub = "Bag Attributes\n    friendlyName: example\nsubject=CN = example.com\n" + site.certPem()
                + "issuer=CN = vodcert test CA\n" + site.ca().certPem();
        assertThat(PemParser.parseChain(pub)).containsExactlyElementsOf(site.chain());
    }

    @Test
    void reEncodesChainAndKeyAsNormalisedPem() {
        Issued site = TestCertificates.issue("example.com");
        CertificateBundle bundle = PemParser.parse(site.chainPem().replace("\n", "\r\n"), site.keyPemPkcs1());
        assertThat(bundle.chainPem()).isEqualTo(site.chainPem()).doesNotContain("\r");
        assertThat(bundle.privateKeyPem()).isEqualTo(site.keyPemPkcs8()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PemParser.parsePrivateKey(bundle.privateKeyPem())).isEqualTo(bundle.privateKey());
        assertThat(bundle.toString()).contains("hidden")
                .doesNotContain(TestPem.body(site.keyPemPkcs8()).substring(0, 16));
    }

    @Test
    void readsCertificatesWhoseKeyTheValidatorWillRefuse() {
        Issued k256 = TestCertificates.certificate().key(TestCertificates.ec("secp256k1")).dns("example.com").issue();
        assertThat(PemParser.parseChain(k256.certPem())).containsExactly(k256.cert());
    }
}

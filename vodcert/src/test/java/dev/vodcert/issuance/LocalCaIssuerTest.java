package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.CertificateBundle;
import dev.vodcert.certificate.CertificateFacts;
import dev.vodcert.certificate.CertificateValidator;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.certificate.PemParser;
import dev.vodcert.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in CA: created once in the data folder, key encrypted and owner-only; issues at once. */
class LocalCaIssuerTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-02-01T12:00:00Z"));
    private final KeyCipher cipher = new KeyCipher(key());

    private static byte[] key() {
        byte[] k = new byte[KeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void issuesAtOnceACertificateForTheDomainThatPassesUploadValidation(@TempDir Path data) {
        LocalCaIssuer issuer = LocalCaIssuer.inDataFolder(data, cipher, clock);
        Issuer.IssuedCertificate issued = issuer.issue("video.example.com");

        CertificateBundle bundle = PemParser.parse(issued.chainPem(), issued.privateKeyPem());
        CertificateValidator.validate(bundle, "video.example.com", clock.instant());
        X509Certificate leaf = bundle.leaf();
        CertificateFacts facts = CertificateFacts.of(leaf);
        assertThat(facts.dnsNames()).containsExactly("video.example.com");
        assertThat(facts.commonName()).isEqualTo("video.example.com");
        assertThat(facts.issuerOrg()).isEqualTo("vodcert");
        assertThat(facts.notBefore()).isEqualTo(clock.instant());
        assertThat(Duration.between(facts.notBefore(), facts.notAfter())).isEqualTo(Duration.ofDays(90));
        assertThat(facts.certLife()).isEqualTo("3 months");
        assertThat(leaf.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(bundle.chain()).hasSize(2);
        assertThat(bundle.chain().get(1)).isEqualTo(issuer.caCertificate());
        assertThat(issued.toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void eachCertificateHasItsOwnKey(@TempDir Path data) {
        LocalCaIssuer issuer = LocalCaIssuer.inDataFolder(data, cipher, clock);
        assertThat(issuer.issue("a.example.com").privateKeyPem()).isNotEqualTo(issuer.issue("a.example.com")
                .privateKeyPem());
    }

    @Test
    void theCaIsCreatedOnceEncryptedAndOwnerOnlyThenReused(@TempDir Path data) throws Exception {
        X509Certificate first = LocalCaIssuer.inDataFolder(data, cipher, clock).caCertificate();
        clock.advance(Duration.ofDays(3));
        X509Certificate again = LocalCaIssuer.inDataFolder(data, cipher, clock).caCertificate();
        assertThat(again).isEqualTo(first);

        Path folder = data.resolve("local-ca");
        String keyFile = Files.readString(folder.resolve(LocalCa.KEY_FILE), StandardCharsets.US_ASCII);
        assertThat(keyFile).startsWith("v1:").doesNotContain("PRIVATE KEY");
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(folder.resolve(LocalCa.KEY_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(folder.resolve(LocalCa.CERT_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(first.getSubjectX500Principal().getName()).isEqualTo("CN=vodcert Local CA R1,O=vodcert");
    }
}

package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.store.AcmeAccountStore;
import dev.vodcert.store.AcmeChallengeStore;
import dev.vodcert.store.Database;
import dev.vodcert.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings are checked when built or when the issuer starts, each refusal naming its option. */
class AcmeSettingsTest {
    final Database db = TestDatabases.h2();

    @AfterEach
    void close() {
        db.close();
    }

    AcmeIssuer issuer(AcmeSettings settings) {
        return new AcmeIssuer(settings, new AcmeAccountStore(db.jdbi()), new AcmeChallengeStore(db.jdbi()),
                new KeyCipher(new byte[KeyCipher.KEY_BYTES]), Clock.systemUTC(), AcmeRequestListener.NONE);
    }

    @Test
    void defaultsAreEcP256AndTheJdksTrust() {
        AcmeSettings settings = AcmeSettings.of(URI.create("acme://letsencrypt.org"));

        assertThat(settings.keyType()).isEqualTo(DomainKeyType.EC_P256);
        assertThat(settings.trustStore()).isNull();
        assertThat(settings.email()).isNull();
        assertThat(settings.networkTimeout()).isEqualTo(AcmeSettings.NETWORK_TIMEOUT);
        assertThat(settings.orderTimeout()).isEqualTo(AcmeSettings.ORDER_TIMEOUT);
        assertThat(issuer(settings).name()).isEqualTo("acme");
        assertThat(issuer(AcmeSettings.of(URI.create("acme://letsencrypt.org/staging"))).name()).isEqualTo("acme");
    }

    @Test
    void aPlainHttpDirectoryIsRefused() {
        assertThatThrownBy(() -> AcmeSettings.of(URI.create("http://ca.example/dir")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--acme-directory must be an https:// directory URL or an acme:// URI"
                        + " (e.g. acme://letsencrypt.org), got 'http://ca.example/dir'");
    }

    @Test
    void anAcmeUriNoProviderKnowsIsRefusedWhenTheIssuerStarts() {
        assertThatThrownBy(() -> issuer(AcmeSettings.of(URI.create("acme://nosuchca.example"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--acme-directory acme://nosuchca.example names no known CA");
    }

    @Test
    void aBadEmailIsRefused() {
        assertThatThrownBy(() -> AcmeSettings.of(URI.create("acme://letsencrypt.org")).withEmail("not an address"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--acme-email must be an e-mail address, got 'not an address'");
    }

    @Test
    void keyTypesAreNamedByTheirSetting() {
        assertThat(DomainKeyType.of("RSA-2048")).isEqualTo(DomainKeyType.RSA_2048);
        assertThat(DomainKeyType.of("ec-p256")).isEqualTo(DomainKeyType.EC_P256);
        assertThatThrownBy(() -> DomainKeyType.of("dsa"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--acme-key-type must be one of ec-p256, rsa-2048, got 'dsa'");
    }

    @Test
    void anUnreadableTrustStoreIsRefusedWhenTheIssuerStartsNamingTheFile(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("trust.pem"), "not a certificate");
        Path missing = garbage.resolveSibling("missing-" + garbage.getFileName());

        assertThatThrownBy(() -> issuer(AcmeSettings.of(URI.create("acme://letsencrypt.org")).withTrustStore(garbage,
                null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--acme-trust-store " + garbage + " cannot be read");
        assertThatThrownBy(() -> issuer(AcmeSettings.of(URI.create("acme://letsencrypt.org")).withTrustStore(missing,
                null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--acme-trust-store " + missing + " cannot be read");
    }

    @Test
    void theTrustStorePasswordNeverShowsInTheSettingsText() {
        AcmeSettings settings = AcmeSettings.of(URI.create("https://ca.internal/dir"))
                .withTrustStore(Path.of("/etc/vodcert/ca.p12"), "s3cr3t-pass");

        assertThat(settings.toString()).doesNotContain("s3cr3t-pass").contains("trustStorePassword=***");
    }
}

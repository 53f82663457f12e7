package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on the API listener from a PKCS12 keystore: a client that trusts the keystore's
 * certificate gets signed calls and health answered over TLS; plain HTTP and clients that do not
 * trust it get no answer; a keystore that cannot be used stops the start with a message naming the
 * file and the problem, never the password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsListenerTest {
    private static final String PASSWORD = "keystore-pass-123";

    @TempDir
    static Path dir;
    private Path keystore;
    private X509Certificate certificate;

    @BeforeAll
    void makeKeystore() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=127.0.0.1");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("vodcert", pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
        keystore = write(store, "api.p12", PASSWORD);
    }

    private Path write(KeyStore store, String file, String password) throws Exception {
        Path path = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password.toCharArray());
        }
        return path;
    }

    private HttpClient trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("vodcert", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void theApiAndHealthAnswerOverHttpsOnly() throws Exception {
        try (TestServer server = new TestServer(Clock.systemUTC(), c -> c.withTls(keystore, PASSWORD))) {
            HttpClient https = trusting();
            URI base = URI.create("https://127.0.0.1:" + server.port() + "/");
            SignedClient client = new SignedClient(base, https, TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            Answer added = client.call("AddVodDomain", Map.of("DomainName", "tls.vodcert-test.com",
                    "Sources", "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]"));
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            Answer detail = client.call("DescribeVodDomainDetail", Map.of("DomainName", "tls.vodcert-test.com"));
            assertThat(detail.json().path("DomainDetail").path("DomainName").asText()).isEqualTo("tls.vodcert-test.com");
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> ready = https.send(HttpRequest.newBuilder(base.resolve("/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);

            HttpRequest healthRequest = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(healthRequest, HttpResponse.BodyHandlers.ofString()))
                    .as("a client that does not trust the certificate").isInstanceOf(SSLHandshakeException.class);
            HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .timeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP: a TLS alert, not an HTTP answer").isInstanceOf(IOException.class)
                    .isNotInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void aKeystoreThatCannotBeUsedStopsTheStartNamingTheProblem() throws Exception {
        Config base = Config.defaults(dir.resolve("data")).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null));
        assertStartRefused(base.withTls(dir.resolve("missing.p12"), PASSWORD),
                "The TLS keystore " + dir.resolve("missing.p12") + " does not exist or cannot be read.");
        assertStartRefused(base.withTls(keystore, "wrong-password"),
                "The TLS keystore " + keystore + " cannot be opened: the password is wrong or it is not a PKCS12 file.");
        Path notAKeystore = Files.writeString(dir.resolve("text.p12"), "not a keystore");
        assertStartRefused(base.withTls(notAKeystore, PASSWORD),
                "The TLS keystore " + notAKeystore + " cannot be opened: the password is wrong or it is not a PKCS12 file.");
        KeyStore certOnly = KeyStore.getInstance("PKCS12");
        certOnly.load(null, null);
        certOnly.setCertificateEntry("cert", certificate);
        Path noKey = write(certOnly, "cert-only.p12", PASSWORD);
        assertStartRefused(base.withTls(noKey, PASSWORD),
                "The TLS keystore " + noKey + " holds no private key with its certificate.");
        assertThatThrownBy(() -> Vodcert.start(base.withTls(keystore, null), Clock.systemUTC(), System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs its password in the environment variable named by --tls-keystore-password-env");
        assertThat(dir.resolve("data").resolve("vodcert.mv.db")).as("nothing opened").doesNotExist();
    }

    private static void assertStartRefused(Config config, String message) {
        assertThatThrownBy(() -> Vodcert.start(config, Clock.systemUTC(), System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message)
                .hasMessageNotContaining(PASSWORD);
    }
}

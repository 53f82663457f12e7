package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vodcert.domain.DomainName;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.FuzzBudget;
import dev.vodcert.testing.FuzzInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Fuzzes the PEM/X.509 reader and the validator exactly as an upload runs them
 * ({@link CertificateIntake#accept}: parse SSLPub and SSLPri, validate for the domain, read the
 * facts, encrypt the key): only {@code InvalidSSLPub}, {@code InvalidSSLPri} or
 * {@code PrivateKeyError} may escape, its message never repeats a line of the upload, and an
 * accepted upload decrypts back to its key. Control
 * byte: bit 0 the SSLPub field is DER (length-prefixed, wrapped here as a CERTIFICATE block), bit 1
 * the SSLPri field is DER, bits 2-3 its block type (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY, ENCRYPTED PRIVATE
 * KEY). Fields: SSLPub, SSLPri, domain (default example.com). Seeds hold real certificates and keys
 * valid at the fixed time of this test.
 */
class PemFuzzTest {
    static final Instant NOW = Instant.parse("2026-11-28T01:58:17Z");
    private static final KeyCipher CIPHER = new KeyCipher(new byte[KeyCipher.KEY_BYTES]);
    private static final CertificateIntake INTAKE = new CertificateIntake(CIPHER, Clock.fixed(NOW, ZoneOffset.UTC),
            "cn-hangzhou");
    private static final String[] KEY_TYPES = {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY"};

    @FuzzTest(maxDuration = "10s")
    void accept(byte[] data) throws Throwable {
        FuzzBudget.run(() -> check(data));
    }

    private static void check(byte[] data) {
        FuzzInput in = FuzzInput.of(data);
        String pub = in.flag(0) ? pem("CERTIFICATE", in.sized()) : in.text();
        String pri = in.flag(1) ? pem(KEY_TYPES[(in.control() >> 2) & 3], in.sized()) : in.text();
        String domain = domain(in.text());
        try {
            CertificateIntake.Accepted accepted = INTAKE.accept(1, domain, "upload", null, pub, pri);
            StoredCertificate row = accepted.certificate();
            assertThat(CIPHER.decrypt(row.privateKeyEnc())).startsWith("-----BEGIN ");
            assertThat(row.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(row.notBefore()).isLessThanOrEqualTo(NOW.toEpochMilli());
            assertThat(row.notAfter()).isGreaterThanOrEqualTo(NOW.toEpochMilli());
            assertThat(accepted.certDomainName()).isNotEmpty();
        } catch (ApiException refused) {
            assertThat(refused.code()).isIn("InvalidSSLPub", "InvalidSSLPri", "PrivateKeyError");
            assertThat(refused.httpStatus()).isEqualTo(400);
            assertThat(refused.getMessage()).doesNotContain("Exception");
            for (String line : (pub + "\n" + pri).split("\n")) {
                if (line.strip().length() >= 16 && !line.contains("-----")) {
                    assertThat(refused.getMessage()).as("never echoes the upload").doesNotContain(line.strip());
                }
            }
        }
    }

    private static String domain(String raw) {
        try {
            return raw.isEmpty() ? "example.com" : DomainName.parse(raw).ascii();
        } catch (ApiException notADomain) {
            return "example.com";
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

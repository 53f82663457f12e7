package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestPem;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Random;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * ASN.1 bombs: a few kilobytes of nested structures made BouncyCastle's recursive parser overflow
 * its stack, an Error that no {@code catch (RuntimeException)} stops, so the caller got a 500
 * (found while building the bad-input table). {@link Asn1Depth} now measures the nesting first:
 * every real certificate and key passes, a bomb anywhere (top level, indefinite length, inside an
 * extension of a properly signed certificate, in a key) is refused as bad input.
 */
class Asn1BombTest {
    private static final CertificateIntake INTAKE = new CertificateIntake(new KeyCipher(new byte[32]),
            Clock.fixed(Instant.now(), ZoneOffset.UTC), "cn-hangzhou");

    static byte[] nested(int depth, boolean indefinite) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (indefinite) {
            for (int i = 0; i < depth; i++) {
                out.write(0x30);
                out.write(0x80);
            }
            out.writeBytes(new byte[2 * depth]);
            return out.toByteArray();
        }
        byte[] inner = new byte[0];
        for (int i = 0; i < depth; i++) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.write(0x30);
            int n = inner.length;
            if (n < 128) {
                o.write(n);
            } else if (n < 65536) {
                o.write(0x82);
                o.write(n >> 8);
                o.write(n & 0xFF);
            } else {
                o.write(0x83);
                o.write(n >> 16);
                o.write((n >> 8) & 0xFF);
                o.write(n & 0xFF);
            }
            o.writeBytes(inner);
            inner = o.toByteArray();
        }
        return inner;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void realCertificatesAndKeysAreWellWithinTheLimit() throws Exception {
        Issued rsa = TestCertificates.issue("bomb-free.example.com");
        Issued ec = TestCertificates.certificate().key(TestCertificates.ec("secp384r1")).dns("ec.example.com").issue();
        for (X509Certificate c : rsa.chain()) {
            assertThat(Asn1Depth.within(c.getEncoded(), 12)).isTrue();
        }
        assertThat(Asn1Depth.within(ec.cert().getEncoded(), 12)).isTrue();
        assertThat(Asn1Depth.within(rsa.keyPair().getPrivate().getEncoded(), 12)).isTrue();
        assertThat(Asn1Depth.within(Base64.getMimeDecoder().decode(TestPem.body(ec.keyPemSec1())), 12)).isTrue();
    }

    @Test
    void depthIsCountedExactlyForDefiniteAndIndefiniteLengths() {
        assertThat(Asn1Depth.within(nested(32, false), 32)).isTrue();
        assertThat(Asn1Depth.within(nested(33, false), 32)).isFalse();
        assertThat(Asn1Depth.within(nested(32, true), 32)).isTrue();
        assertThat(Asn1Depth.within(nested(33, true), 32)).isFalse();
        assertThat(Asn1Depth.within(nested(100_000, true), 32)).isFalse();
    }

    @Test
    void derInsideOctetAndBitStringsIsMeasuredToo() {
        byte[] bomb = nested(40, false);
        assertThat(Asn1Depth.within(wrap(0x04, bomb, false), 32)).isFalse();
        assertThat(Asn1Depth.within(wrap(0x03, bomb, true), 32)).isFalse();
        assertThat(Asn1Depth.within(wrap(0x04, nested(20, false), false), 32)).isTrue();
    }

    @Test
    void noiseAndBrokenHeadersAreLeftToTheParsers() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            Asn1Depth.within(noise, 32);
        }
        assertThat(Asn1Depth.within(new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, 32))
                .isTrue();
        assertThat(Asn1Depth.within(new byte[] {0x1F}, 32)).isTrue();
        assertThat(Asn1Depth.within(new byte[0], 32)).isTrue();
    }

    @Test
    void aBombInSslPubOrSslPriIsBadInputNotAStackOverflow() {
        Issued cert = TestCertificates.issue("bomb.example.com");
        for (boolean indefinite : new boolean[] {false, true}) {
            String bomb = pem("CERTIFICATE", nested(10_000, indefinite));
            ApiException pub = catchThrowableOfType(ApiException.class,
                    () -> INTAKE.accept(1, "bomb.example.com", "upload", null, bomb, cert.keyPemPkcs8()));
            assertThat(pub.code()).isEqualTo("InvalidSSLPub");
            assertThat(pub.getMessage()).isEqualTo("SSLPub holds an ASN.1 structure nested more than 32 levels deep");
            for (String type : new String[] {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "EC PARAMETERS"}) {
                ApiException pri = catchThrowableOfType(ApiException.class, () -> INTAKE.accept(1, "bomb.example.com",
                        "upload", null, cert.chainPem(), pem(type, nested(2_000, indefinite))));
                assertThat(pri.code()).isEqualTo("InvalidSSLPri");
                assertThat(pri.getMessage()).contains("nested more than 32 levels deep");
            }
        }
    }

    @Test
    void aBombInsideTheSanExtensionOfAProperlySignedCertificateIsRefused() throws Exception {
        KeyPair key = TestCertificates.ec("secp256r1");
        X500Name name = new X500Name("CN=bomb.example.com");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(86_400)), name,
                key.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, nested(5_000, false));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
        ApiException refused = catchThrowableOfType(ApiException.class, () -> INTAKE.accept(1, "bomb.example.com",
                "upload", null, TestPem.certificates(cert), TestPem.pkcs8(key.getPrivate())));
        assertThat(refused.code()).isEqualTo("InvalidSSLPub");
        assertThat(refused.getMessage()).contains("nested more than 32 levels deep");
    }

    private static byte[] wrap(int tag, byte[] content, boolean unusedBitsByte) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(tag);
        int n = content.length + (unusedBitsByte ? 1 : 0);
        o.write(0x82);
        o.write(n >> 8);
        o.write(n & 0xFF);
        if (unusedBitsByte) {
            o.write(0);
        }
        o.writeBytes(content);
        return o.toByteArray();
    }
}

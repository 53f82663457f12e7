package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestPem;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * A certificate whose subject or issuer holds a UTF8String that is not UTF-8 (found by
 * {@link PemFuzzTest}; its input is kept as the seed {@code regression-dn-not-utf8}): BouncyCastle
 * throws when such a value is read, which reached the caller as a 500. A properly signed
 * certificate with such a name is now refused when it is parsed, as {@code InvalidSSLPub}.
 */
class MalformedNamesTest {

    @Test
    void aNameThatIsNotUtf8IsInvalidSslPubNotAServerError() throws Exception {
        KeyPair key = TestCertificates.ec("secp256r1");
        X500Name broken = new X500Name(new RDN[] {
                new RDN(BCStyle.CN, ASN1Primitive.fromByteArray(new byte[] {0x0c, 0x03, 'a', (byte) 0xC3, 0x28})),
                new RDN(BCStyle.O, ASN1Primitive.fromByteArray(new byte[] {0x0c, 0x02, (byte) 0xFF, (byte) 0xFE}))});
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(broken, BigInteger.ONE,
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(86_400)), broken,
                key.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "names.example.com")));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
        CertificateIntake intake = new CertificateIntake(new KeyCipher(new byte[32]), Clock.fixed(Instant.now(),
                ZoneOffset.UTC), "cn-hangzhou");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> intake.accept(1, "names.example.com",
                "upload", null, TestPem.certificates(cert), TestPem.pkcs8(key.getPrivate())));
        assertThat(refused.code()).isEqualTo("InvalidSSLPub");
        assertThat(refused.httpStatus()).isEqualTo(400);
        assertThat(refused.getMessage()).isEqualTo("certificate 1 of SSLPub has a subject or issuer name that is not"
                + " valid text (a UTF8String that is not UTF-8)");
    }
}

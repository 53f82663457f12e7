package dev.vodcert.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS identity Pebble's package lacks, generated with BouncyCastle: a throw-away CA and a
 * server certificate for {@code localhost} and {@code 127.0.0.1} signed by it, written as PEM files
 * ({@code ca.pem}, {@code cert.pem}, {@code key.pem}) into a folder. The ACME client trusts
 * {@code ca.pem}, exactly as an operator's trust store would name a private CA.
 */
final class PebbleTls {
    private static final SecureRandom RANDOM = new SecureRandom();

    final Path caPem;
    final Path certPem;
    final Path keyPem;

    private PebbleTls(Path caPem, Path certPem, Path keyPem) {
        this.caPem = caPem;
        this.certPem = certPem;
        this.keyPem = keyPem;
    }

    static PebbleTls writeTo(Path dir) {
        KeyPair caKey = TestCertificates.ec("secp256r1");
        KeyPair serverKey = TestCertificates.ec("secp256r1");
        X500Name caName = new X500Name("CN=vodcert Pebble HTTPS test CA");
        X509Certificate ca = sign(caName, caKey, caName, caKey, true);
        X509Certificate server = sign(new X500Name("CN=localhost"), serverKey, caName, caKey, false);
        try {
            Path caPem = Files.writeString(dir.resolve("ca.pem"), TestPem.certificates(ca));
            Path certPem = Files.writeString(dir.resolve("cert.pem"), TestPem.certificates(server, ca));
            Path keyPem = Files.writeString(dir.resolve("key.pem"), TestPem.pkcs8(serverKey.getPrivate()));
            return new PebbleTls(caPem, certPem, keyPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKey, X500Name issuer, KeyPair issuerKey,
            boolean isCa) {
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), subject, subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build Pebble's HTTPS certificate", e);
        }
    }
}

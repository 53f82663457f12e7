package dev.vodcert.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate like the ones operators upload: an RSA 2048 leaf for {@code *.}{@value Seeder#ZONE},
 * issued by a private CA, 90 days; the chain (leaf first) and the key as PEM. Made fresh for each
 * run, so nothing secret is kept in the repository.
 */
record BenchCertificate(String chainPem, String privateKeyPem) {

    static BenchCertificate issue() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair caKey = rsa.generateKeyPair();
            KeyPair leafKey = rsa.generateKeyPair();
            Instant start = Instant.now().minus(Duration.ofDays(1));
            X500Name caName = new X500Name("CN=vodcert bench CA,O=vodcert bench");
            X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, Date.from(start),
                    Date.from(start.plus(Duration.ofDays(365))), caName, caKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)), caKey.getPrivate());
            X509Certificate leaf = sign(new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, Date.from(start),
                    Date.from(start.plus(Duration.ofDays(90))), new X500Name("CN=*." + Seeder.ZONE),
                    leafKey.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, "*." + Seeder.ZONE))),
                    caKey.getPrivate());
            return new BenchCertificate(pem(leaf) + pem(ca), pem(leafKey.getPrivate()));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("could not make the benchmark certificate", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}

package dev.vodcert.junit5;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * A self-signed certificate and its key, generated with BouncyCastle for upload tests
 * ({@code SetVodDomainCertificate}'s {@code SSLPub}/{@code SSLPri}, {@code UploadUserCertificate}'s
 * {@code Cert}/{@code Key}): EC P-256, the first name as common name, every name in the subject
 * alternative names. vodcert checks that a certificate covers the domain and is valid at its
 * (possibly emulated) time, not who signed it.
 *
 * @param certificatePem the certificate, PEM
 * @param privateKeyPem its private key, PKCS#8 PEM; {@link #toString()} leaves it out
 */
public record GeneratedCertificate(String certificatePem, String privateKeyPem, Instant notBefore, Instant notAfter) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param names DNS names, wildcards allowed ({@code *.example.com}); at least one
     */
    public static GeneratedCertificate selfSigned(Instant notBefore, Instant notAfter, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair key = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names[0]).build();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
                    key.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(Arrays.stream(names)
                    .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(key.getPrivate()));
            return new GeneratedCertificate(pem(holder), pem(new JcaPKCS8Generator(key.getPrivate(), null)),
                    notBefore, notAfter);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate a certificate for " + names[0], e);
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "GeneratedCertificate[" + notBefore + " - " + notAfter + "]";
    }
}

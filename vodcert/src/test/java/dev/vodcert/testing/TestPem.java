package dev.vodcert.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * PEM text of test certificates and keys in every form a user might upload: certificates,
 * PKCS#8, PKCS#1 (RSA), SEC1 (EC, with or without a leading EC PARAMETERS block), and encrypted
 * PKCS#8 / PKCS#1 (encrypted with the private BouncyCastle instance of {@link TestKeys}: the JDK
 * lacks OpenSSL's PBE flavours). Output uses LF line ends, as openssl writes on Linux.
 */
public final class TestPem {
    private TestPem() {
    }

    public static String certificates(X509Certificate... certificates) {
        return certificates(List.of(certificates));
    }

    public static String certificates(List<X509Certificate> certificates) {
        return write(certificates.toArray());
    }

    /** {@code -----BEGIN PRIVATE KEY-----}. */
    public static String pkcs8(PrivateKey key) {
        return write(new PemObject("PRIVATE KEY", key.getEncoded()));
    }

    /** {@code -----BEGIN RSA PRIVATE KEY-----}. */
    public static String pkcs1(PrivateKey rsaKey) {
        requireAlgorithm(rsaKey, "RSA");
        return traditional(rsaKey);
    }

    /** OpenSSL's traditional form: {@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}, {@code DSA PRIVATE KEY}. */
    public static String traditional(PrivateKey key) {
        return write(key);
    }

    /** {@code -----BEGIN EC PRIVATE KEY-----}, with the curve and public key inside, as openssl writes it. */
    public static String sec1(PrivateKey ecKey, PublicKey ecPublicKey) {
        requireAlgorithm(ecKey, "EC");
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(ecPublicKey.getEncoded());
        ASN1Encodable curve = spki.getAlgorithm().getParameters();
        ECPrivateKey ec = (ECPrivateKey) ecKey;
        try {
            byte[] der = new org.bouncycastle.asn1.sec.ECPrivateKey(ec.getParams().getOrder().bitLength(), ec.getS(),
                    spki.getPublicKeyData(), curve).getEncoded();
            return write(new PemObject("EC PRIVATE KEY", der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code EC PARAMETERS} block naming the key's curve, as {@code openssl ecparam -genkey} puts first. */
    public static String ecParameters(PublicKey ecPublicKey) {
        try {
            ASN1Encodable curve =
                    SubjectPublicKeyInfo.getInstance(ecPublicKey.getEncoded()).getAlgorithm().getParameters();
            return write(new PemObject("EC PARAMETERS", curve.toASN1Primitive().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----} (PBES2, AES-256-CBC). */
    public static String encryptedPkcs8(PrivateKey key, char[] password) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(TestKeys.BC).setPassword(password).build();
            return write(new JcaPKCS8Generator(key, encryptor).generate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt a test key", e);
        }
    }

    /** Traditional OpenSSL encryption: {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info} headers. */
    public static String encryptedTraditional(PrivateKey key, char[] password) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(key,
                    new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(TestKeys.BC).build(password));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The base64 body of a PEM text, without BEGIN/END lines or line breaks (to assert it never leaks). */
    public static String body(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----") && !line.contains(":"))
                .reduce("", String::concat);
    }

    private static void requireAlgorithm(PrivateKey key, String algorithm) {
        if (!algorithm.equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("expected an " + algorithm + " key, got " + key.getAlgorithm());
        }
    }

    private static String write(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pem = out.toString().replace("\r\n", "\n");
        Transcript.privateKey(pem);
        return pem;
    }
}

package dev.vodcert.issuance;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Key pairs made and written with the JDK's own providers (BouncyCastle is never registered as a
 * JCA provider here): EC P-256 and RSA generation, the private key as PKCS#8 PEM, and a whole pair as
 * PKCS#8 plus SubjectPublicKeyInfo PEM blocks, to be stored encrypted.
 */
final class KeyPairs {
    private KeyPairs() {
    }

    static KeyPair ecP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 key generation is not available", e);
        }
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8). */
    static String privateKeyPem(KeyPair keyPair) {
        return pem(new PemObject("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
    }

    /** The private key (PKCS#8) and the public key (SubjectPublicKeyInfo), as two PEM blocks. */
    static String keyPairPem(KeyPair keyPair) {
        return pem(new PemObject("PRIVATE KEY", keyPair.getPrivate().getEncoded()),
                new PemObject("PUBLIC KEY", keyPair.getPublic().getEncoded()));
    }

    /** Reads what {@link #keyPairPem} wrote. */
    static KeyPair readKeyPair(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject privateBlock = reader.readPemObject();
            PemObject publicBlock = reader.readPemObject();
            if (privateBlock == null || publicBlock == null || !privateBlock.getType().equals("PRIVATE KEY")
                    || !publicBlock.getType().equals("PUBLIC KEY")) {
                throw new IllegalStateException("the stored key pair is not a PRIVATE KEY and a PUBLIC KEY block");
            }
            KeyFactory factory = KeyFactory.getInstance(isRsa(publicBlock) ? "RSA" : "EC");
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicBlock.getContent())),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateBlock.getContent())));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the stored key pair cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean isRsa(PemObject publicBlock) {
        return SubjectPublicKeyInfo.getInstance(publicBlock.getContent()).getAlgorithm().getAlgorithm()
                .equals(PKCSObjectIdentifiers.rsaEncryption);
    }

    private static String pem(PemObject... blocks) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (PemObject block : blocks) {
                writer.writeObject(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

package dev.vodcert.certificate;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Does a private key belong to a public key? For RSA the modulus (and, for CRT keys, the public
 * exponent) must be equal; for both RSA and EC a random challenge signed with the private key
 * must verify with the public key, which also catches a key whose private half is inconsistent.
 */
final class KeyPairCheck {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairCheck() {
    }

    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm;
        if (privateKey instanceof RSAPrivateKey rsa && publicKey instanceof RSAPublicKey rsaPublic) {
            if (!rsa.getModulus().equals(rsaPublic.getModulus())) {
                return false;
            }
            if (rsa instanceof RSAPrivateCrtKey crt && !crt.getPublicExponent().equals(rsaPublic.getPublicExponent())) {
                return false;
            }
            algorithm = "SHA256withRSA";
        } else if (privateKey instanceof ECPrivateKey && publicKey instanceof ECPublicKey) {
            algorithm = "SHA256withECDSA";
        } else {
            return false;
        }
        return signatureVerifies(algorithm, privateKey, publicKey);
    }

    private static boolean signatureVerifies(String algorithm, PrivateKey privateKey, PublicKey publicKey) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}

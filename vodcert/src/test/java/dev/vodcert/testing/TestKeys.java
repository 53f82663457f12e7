package dev.vodcert.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Key pairs for tests. RSA pairs from {@link #rsa(int)} are generated once per size and shared by
 * the whole test run (RSA 4096 takes seconds); {@link #freshRsa(int)} gives a new, different one.
 * EC and other pairs are cheap and always new. Keys the JDK cannot generate (secp256k1) come from
 * a private BouncyCastle provider instance, which is never registered.
 */
public final class TestKeys {
    /** For what the JDK cannot do (secp256k1); never registered with {@code Security}. */
    static final Provider BC = new BouncyCastleProvider();

    private static final Map<Integer, KeyPair> RSA_KEYS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** The shared RSA key pair of this size, generated on first use. */
    public static KeyPair rsa(int bits) {
        return RSA_KEYS.computeIfAbsent(bits, TestKeys::freshRsa);
    }

    /** A new RSA key pair, different from {@link #rsa(int)}'s. */
    public static KeyPair freshRsa(int bits) {
        return generate("RSA", bits, null);
    }

    /** A new EC key pair on a named curve ("secp256r1", "secp384r1", "secp521r1", "secp256k1", ...). */
    public static KeyPair ec(String curve) {
        return generate("EC", 0, new ECGenParameterSpec(curve));
    }

    /** A new key pair of another algorithm ("Ed25519", "DSA", ...), with its default parameters. */
    public static KeyPair of(String algorithm) {
        return generate(algorithm, 0, null);
    }

    private static KeyPair generate(String algorithm, int bits, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator;
            try {
                generator = KeyPairGenerator.getInstance(algorithm);
                initialise(generator, bits, curve);
            } catch (GeneralSecurityException jdkCannot) {
                generator = KeyPairGenerator.getInstance(algorithm, BC);
                initialise(generator, bits, curve);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " test key", e);
        }
    }

    private static void initialise(KeyPairGenerator generator, int bits, ECGenParameterSpec curve)
            throws GeneralSecurityException {
        if (curve != null) {
            generator.initialize(curve, RANDOM);
        } else if (bits > 0) {
            generator.initialize(bits, RANDOM);
        }
    }
}

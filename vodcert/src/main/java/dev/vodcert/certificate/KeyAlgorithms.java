package dev.vodcert.certificate;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The key algorithms a certificate may use here: RSA of {@value #MIN_RSA_BITS} to
 * {@value #MAX_RSA_BITS} bits, and EC on the named curves P-256, P-384 and P-521 (what CDNs and
 * browsers serve). Decided from the ASN.1 algorithm identifier, so a key the JDK cannot even load
 * (secp256k1, explicit curve parameters) still gets a message that names it. The upper RSA bound
 * keeps a request from buying seconds of CPU with a giant key.
 */
final class KeyAlgorithms {
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 8192;
    static final String SUPPORTED = "RSA (2048 to 8192 bits) or EC (P-256, P-384, P-521)";

    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384",
            SECObjectIdentifiers.secp521r1, "P-521");
    private static final Map<ASN1ObjectIdentifier, String> OTHER_NAMES = Map.of(
            X9ObjectIdentifiers.id_dsa, "DSA",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448",
            EdECObjectIdentifiers.id_X25519, "X25519",
            EdECObjectIdentifiers.id_X448, "X448",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS");

    private KeyAlgorithms() {
    }

    static boolean isRsa(AlgorithmIdentifier alg) {
        return PKCSObjectIdentifiers.rsaEncryption.equals(alg.getAlgorithm());
    }

    static boolean isEc(AlgorithmIdentifier alg) {
        return X9ObjectIdentifiers.id_ecPublicKey.equals(alg.getAlgorithm());
    }

    /** Why a key with this algorithm identifier is refused, or empty when it is supported. */
    static Optional<String> unsupported(AlgorithmIdentifier alg) {
        if (isRsa(alg)) {
            return Optional.empty();
        }
        if (isEc(alg)) {
            ASN1Encodable params = alg.getParameters();
            if (!(params instanceof ASN1ObjectIdentifier curve)) {
                return Optional.of("EC keys with explicit or absent curve parameters are not supported;"
                        + " use the named curve P-256, P-384 or P-521");
            }
            return CURVES.containsKey(curve) ? Optional.empty()
                    : Optional.of("EC curve " + curveName(curve) + " is not supported; use P-256, P-384 or P-521");
        }
        String name = OTHER_NAMES.getOrDefault(alg.getAlgorithm(), "with OID " + alg.getAlgorithm().getId());
        return Optional.of("key algorithm " + name + " is not supported; use " + SUPPORTED);
    }

    /** Why a certificate's public key is refused (algorithm, curve, RSA size), or empty. */
    static Optional<String> publicKeyProblem(PublicKey key) {
        Optional<String> algorithm = unsupported(SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm());
        if (algorithm.isPresent() || !(key instanceof RSAPublicKey rsa)) {
            return algorithm;
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            return Optional.of("the certificate's RSA key has " + bits + " bits; at least " + MIN_RSA_BITS
                    + " are required");
        }
        if (bits > MAX_RSA_BITS) {
            return Optional.of("the certificate's RSA key has " + bits + " bits; at most " + MAX_RSA_BITS
                    + " are supported");
        }
        return Optional.empty();
    }

    private static String curveName(ASN1ObjectIdentifier curve) {
        String name = ECNamedCurveTable.getName(curve);
        return name != null ? name : "with OID " + curve.getId();
    }
}

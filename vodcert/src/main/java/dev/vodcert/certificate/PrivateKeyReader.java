package dev.vodcert.certificate;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.ApiException;
import java.io.IOException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Reads SSLPri: exactly one unencrypted private key, as PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}, whose curve may come from a preceding
 * {@code EC PARAMETERS} block), for an algorithm {@link KeyAlgorithms} supports. The blocks are
 * decoded here and loaded through the JDK's KeyFactory (via {@link JcaPEMKeyConverter}). Every
 * refusal is {@code InvalidSSLPri} with a message of our own: no key bytes, no parser text.
 */
final class PrivateKeyReader {
    private static final int MAX_BLOCKS = 4;

    private PrivateKeyReader() {
    }

    static PrivateKey read(String sslPri, int maxBytes) {
        List<PemObject> blocks = PemBlocks.read(sslPri, "SSLPri", maxBytes, MAX_BLOCKS, "PEM blocks",
                VodErrors.INVALID_SSL_PRI);
        ASN1Encodable curve = null;
        PrivateKeyInfo key = null;
        for (PemObject block : blocks) {
            if (isEncrypted(block)) {
                throw refuse("SSLPri is an encrypted private key; encrypted keys are not supported,"
                        + " upload the key without a passphrase");
            }
            switch (block.getType()) {
                case "EC PARAMETERS" -> curve = decode(block, () -> ASN1Primitive.fromByteArray(block.getContent()));
                case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY" -> {
                    if (key != null) {
                        throw refuse("SSLPri holds more than one private key");
                    }
                    ASN1Encodable knownCurve = curve;
                    key = decode(block, () -> keyInfo(block, knownCurve));
                }
                case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE" -> throw refuse(
                        "SSLPri holds a certificate, not a private key; the certificate goes in SSLPub");
                case "PUBLIC KEY", "RSA PUBLIC KEY" -> throw refuse("SSLPri holds a public key, not a private key");
                case "DSA PRIVATE KEY" -> throw refuse("SSLPri: key algorithm DSA is not supported; use "
                        + KeyAlgorithms.SUPPORTED);
                case "OPENSSH PRIVATE KEY" -> throw refuse("SSLPri is an OpenSSH key; convert it to PEM,"
                        + " e.g. PKCS#8 ('-----BEGIN PRIVATE KEY-----')");
                default -> throw refuse("SSLPri holds a PEM block of type "
                        + PemBlocks.displayType(block) + ", not a private key");
            }
        }
        if (key == null) {
            throw refuse("SSLPri is not a PEM private key: no '-----BEGIN PRIVATE KEY-----'"
                    + " (or RSA / EC PRIVATE KEY) block found");
        }
        KeyAlgorithms.unsupported(key.getPrivateKeyAlgorithm()).ifPresent(why -> {
            throw refuse("SSLPri: " + why);
        });
        try {
            return new JcaPEMKeyConverter().getPrivateKey(key);
        } catch (IOException | RuntimeException e) {
            throw refuse("SSLPri could not be loaded as an RSA or EC private key: its values are inconsistent");
        }
    }

    private static PrivateKeyInfo keyInfo(PemObject block, ASN1Encodable curve) throws IOException {
        byte[] der = block.getContent();
        return switch (block.getType()) {
            case "RSA PRIVATE KEY" -> new PrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    RSAPrivateKey.getInstance(der));
            case "EC PRIVATE KEY" -> {
                ECPrivateKey ec = ECPrivateKey.getInstance(der);
                ASN1Encodable params = ec.getParametersObject() != null ? ec.getParametersObject() : curve;
                yield new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, params), ec);
            }
            default -> PrivateKeyInfo.getInstance(der);
        };
    }

    private static boolean isEncrypted(PemObject block) {
        if (block.getType().startsWith("ENCRYPTED")) {
            return true;
        }
        for (Object header : block.getHeaders()) {
            PemHeader h = (PemHeader) header;
            if ("Proc-Type".equalsIgnoreCase(h.getName()) && h.getValue() != null
                    && h.getValue().toUpperCase(Locale.ROOT).contains("ENCRYPTED")) {
                return true;
            }
        }
        return false;
    }

    private interface Decoder<T> {
        T decode() throws IOException;
    }

    private static <T> T decode(PemObject block, Decoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (IOException | RuntimeException e) {
            throw refuse("SSLPri's " + PemBlocks.displayType(block) + " block does not decode as that structure");
        }
    }

    private static ApiException refuse(String message) {
        return VodErrors.INVALID_SSL_PRI.exception(message);
    }
}

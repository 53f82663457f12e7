package dev.vodcert.edge;

import dev.vodcert.certificate.PemParser;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A served certificate ready for a handshake: the chain as X.509 objects (leaf first) and the
 * private key, parsed from the PEM the store holds, in memory only. {@code keyType} is the JSSE key
 * type of the leaf's public key ({@code RSA}, {@code EC}, {@code EdDSA}...).
 */
record KeyMaterial(ServedCertificate source, X509Certificate[] chain, PrivateKey key, String keyType) {

    static KeyMaterial of(ServedCertificate served) {
        List<X509Certificate> chain = PemParser.parseChain(served.chainPem());
        PrivateKey key = PemParser.parsePrivateKey(served.keyPem());
        return new KeyMaterial(served, chain.toArray(new X509Certificate[0]), key,
                chain.get(0).getPublicKey().getAlgorithm());
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + source + "]";
    }
}

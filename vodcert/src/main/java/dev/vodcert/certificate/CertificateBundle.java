package dev.vodcert.certificate;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * An uploaded certificate chain (leaf first, as given) with its private key, as parsed by
 * {@link PemParser}. Parsing alone promises nothing about the pair: {@link CertificateValidator}
 * does. The PEM forms are re-encoded from the parsed objects, so what is stored is normalised
 * whatever whitespace or line ends came in. {@link #toString()} never shows the key.
 */
public record CertificateBundle(List<X509Certificate> chain, PrivateKey privateKey) {

    public CertificateBundle {
        chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
        Objects.requireNonNull(privateKey, "privateKey");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate bundle needs at least one certificate");
        }
    }

    /** The end-entity certificate: the first of the chain. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The chain as PEM, one CERTIFICATE block per certificate in order, LF line ends. */
    public String chainPem() {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                pem.append(PemBlocks.encode("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a parsed certificate could not be re-encoded", e);
            }
        }
        return pem.toString();
    }

    /** The private key as an unencrypted PKCS#8 PEM block ({@code BEGIN PRIVATE KEY}). */
    public String privateKeyPem() {
        byte[] der = privateKey.getEncoded();
        if (der == null || !"PKCS#8".equals(privateKey.getFormat())) {
            throw new IllegalStateException("the private key has no PKCS#8 encoding");
        }
        return PemBlocks.encode("PRIVATE KEY", der);
    }

    @Override
    public String toString() {
        return "CertificateBundle[leaf=" + leaf().getSubjectX500Principal().getName() + ", chain=" + chain.size()
                + " certificate(s), privateKey=" + privateKey.getAlgorithm() + " (hidden)]";
    }
}

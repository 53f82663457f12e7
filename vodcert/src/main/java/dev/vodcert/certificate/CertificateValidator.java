package dev.vodcert.certificate;

import dev.vodcert.api.VodErrors;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an uploaded certificate and key may serve a domain. Checks, in order, each
 * refusing with the first problem found:
 * <ol>
 * <li>the leaf's key algorithm and size ({@link KeyAlgorithms}) — {@code InvalidSSLPub};
 * <li>the private key belongs to the leaf ({@link KeyPairCheck}) — {@code PrivateKeyError}, or
 *     {@code InvalidSSLPub} when it belongs to another certificate of the chain (wrong order);
 * <li>the leaf is valid at {@code now} — {@code InvalidSSLPub};
 * <li>TLS clients would accept the leaf: no MD5 or SHA-1 signature, no unknown critical extension,
 *     a subjectAltName DNS name ({@link LeafProfile}) — {@code InvalidSSLPub};
 * <li>each certificate is signed by the next one — {@code InvalidSSLPub};
 * <li>the leaf covers the domain ({@link HostnameMatcher}) — {@code InvalidSSLPub}.
 * </ol>
 * Trust in a root is not checked: the chain may end at an intermediate or at a private CA.
 */
public final class CertificateValidator {
    private CertificateValidator() {
    }

    /**
     * @param asciiDomainName the accelerated domain in A-label, lower-case form; may be a wildcard
     *     domain ({@code *.example.com} or {@code .example.com})
     */
    public static void validate(CertificateBundle bundle, String asciiDomainName, Instant now) {
        validateWithoutDomain(bundle, now);
        coverageProblem(bundle.leaf(), asciiDomainName).ifPresent(why -> {
            throw VodErrors.INVALID_SSL_PUB.exception(why);
        });
    }

    /**
     * Every check but the domain's: what a certificate store asks of a certificate it keeps for
     * domains named later ({@link #servingProblem} then checks each domain).
     */
    public static void validateWithoutDomain(CertificateBundle bundle, Instant now) {
        X509Certificate leaf = bundle.leaf();
        KeyAlgorithms.publicKeyProblem(leaf.getPublicKey()).ifPresent(why -> {
            throw VodErrors.INVALID_SSL_PUB.exception(why);
        });
        checkKeyBelongsToLeaf(bundle);
        validityProblem(leaf, now).or(() -> LeafProfile.problem(leaf)).ifPresent(why -> {
            throw VodErrors.INVALID_SSL_PUB.exception(why);
        });
        checkChainOrder(bundle.chain());
    }

    /**
     * Why an already accepted certificate cannot serve the domain now (not yet valid, expired, or
     * not covering it), or empty when it can.
     */
    public static Optional<String> servingProblem(X509Certificate leaf, String asciiDomainName, Instant now) {
        return validityProblem(leaf, now).or(() -> coverageProblem(leaf, asciiDomainName));
    }

    private static Optional<String> coverageProblem(X509Certificate leaf, String asciiDomainName) {
        if (HostnameMatcher.matchingName(leaf, asciiDomainName).isPresent()) {
            return Optional.empty();
        }
        List<String> names = HostnameMatcher.presentedNames(leaf);
        return Optional.of("the certificate does not cover the domain " + asciiDomainName
                + (names.isEmpty() ? "; it names no domain at all" : "; it covers " + String.join(", ", names)));
    }

    private static void checkKeyBelongsToLeaf(CertificateBundle bundle) {
        List<X509Certificate> chain = bundle.chain();
        if (KeyPairCheck.matches(bundle.privateKey(), chain.get(0).getPublicKey())) {
            return;
        }
        for (int i = 1; i < chain.size(); i++) {
            if (KeyPairCheck.matches(bundle.privateKey(), chain.get(i).getPublicKey())) {
                throw VodErrors.INVALID_SSL_PUB.exception("the chain is out of order: the private key belongs to"
                        + " certificate " + (i + 1) + " of the chain, which must come first");
            }
        }
        throw VodErrors.PRIVATE_KEY_ERROR.exception("the private key does not belong to the certificate");
    }

    private static Optional<String> validityProblem(X509Certificate leaf, Instant now) {
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            return Optional.of("certificate is not valid before " + CertificateFacts.formatTime(notBefore));
        }
        if (now.isAfter(notAfter)) {
            return Optional.of("certificate expired at " + CertificateFacts.formatTime(notAfter));
        }
        return Optional.empty();
    }

    private static void checkChainOrder(List<X509Certificate> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            try {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                throw VodErrors.INVALID_SSL_PUB.exception("certificate " + (i + 1) + " of the chain is not signed by"
                        + " certificate " + (i + 2) + "; SSLPub must list the certificate first, then each issuer"
                        + " in turn");
            }
        }
    }
}

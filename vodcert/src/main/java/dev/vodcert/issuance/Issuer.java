package dev.vodcert.issuance;

/**
 * Something that issues a certificate for one domain: the ACME client against a configured
 * directory, or the built-in local CA for emulator use. {@link #issue(String)} blocks until the
 * certificate is issued or the attempt failed; the lifecycle loop calls it off the request path.
 */
public interface Issuer {
    /** A short name for operators and metrics, e.g. {@code acme} or {@code local-ca}. */
    String name();

    /**
     * @param asciiDomainName the domain, already validated, in ASCII (A-label) form
     * @return the issued chain (leaf first) and its private key, both PEM
     * @throws IssuanceFailure when the attempt failed; its message says why, for operators
     */
    IssuedCertificate issue(String asciiDomainName) throws IssuanceFailure;

    /** A freshly issued certificate. {@link #toString()} leaves the key out. */
    record IssuedCertificate(String chainPem, String privateKeyPem) {
        @Override
        public String toString() {
            return "IssuedCertificate[" + chainPem.length() + " chars of PEM]";
        }
    }
}

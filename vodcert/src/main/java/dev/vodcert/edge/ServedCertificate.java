package dev.vodcert.edge;

/**
 * One domain's certificate as an edge presents it: the chain in PEM (leaf first, as stored) and
 * the private key in PEM, decrypted, held in memory only. {@code certId} and {@code updatedAt}
 * change when the domain gets another certificate or its stored certificate is replaced, so they
 * tell a cache whether to reload. {@link #toString()} leaves the key out.
 */
public record ServedCertificate(String domainName, long accountId, long certId, String fingerprint, long updatedAt,
                                String chainPem, String keyPem) {
    /** Whether {@code other} is the same stored certificate in the same state (no reload needed). */
    public boolean sameAs(ServedCertificate other) {
        return other != null && certId == other.certId && updatedAt == other.updatedAt
                && fingerprint.equals(other.fingerprint);
    }

    @Override
    public String toString() {
        return "ServedCertificate[" + domainName + ", cert " + certId + ", " + fingerprint + "]";
    }
}

package dev.vodcert.certificate;

/**
 * A certificate as stored: the public chain in PEM, the private key encrypted by {@link KeyCipher},
 * and the facts a read needs (common name, issuer, fingerprint, validity in epoch milliseconds).
 * {@code certType} is {@code upload}, {@code cas} or {@code free}. {@link #toString()} leaves the key out.
 */
public record StoredCertificate(long id, long accountId, String certType, String certName, String certRegion,
                                String certificatePem, String privateKeyEnc, String commonName, String issuerOrg,
                                String fingerprint, long notBefore, long notAfter, long createdAt, long updatedAt) {

    @Override
    public String toString() {
        return "StoredCertificate[" + id + ", " + certType + ", " + certName + ", " + commonName + "]";
    }

    public StoredCertificate withId(long newId) {
        return new StoredCertificate(newId, accountId, certType, certName, certRegion, certificatePem, privateKeyEnc,
                commonName, issuerOrg, fingerprint, notBefore, notAfter, createdAt, updatedAt);
    }
}

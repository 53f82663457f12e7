package dev.vodcert.certificate;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What browsers and RFC 5280 clients ask of a server certificate beyond its key and dates, so that
 * an upload they would refuse is refused here: no critical extension a TLS client does not process
 * (RFC 5280 4.2: a client must reject a certificate with an unrecognised critical extension), at
 * least one dNSName subjectAltName (browsers no longer read the subject CN), and a signature hashed
 * with neither MD5 nor SHA-1 (or MD2, MD4), which browsers refuse as forgeable.
 */
final class LeafProfile {
    /** Extensions a PKIX path validator processes, so may be critical. */
    private static final Set<String> KNOWN_CRITICAL = Set.of(
            "2.5.29.14", // subjectKeyIdentifier
            "2.5.29.15", // keyUsage
            "2.5.29.17", // subjectAltName
            "2.5.29.19", // basicConstraints
            "2.5.29.30", // nameConstraints
            "2.5.29.32", // certificatePolicies
            "2.5.29.33", // policyMappings
            "2.5.29.35", // authorityKeyIdentifier
            "2.5.29.36", // policyConstraints
            "2.5.29.37", // extKeyUsage
            "2.5.29.54"); // inhibitAnyPolicy
    /** Signature algorithms over a broken hash, by OID. */
    private static final Map<String, String> WEAK_SIGNATURES = Map.of(
            "1.2.840.113549.1.1.2", "MD2",
            "1.2.840.113549.1.1.3", "MD4",
            "1.2.840.113549.1.1.4", "MD5",
            "1.2.840.113549.1.1.5", "SHA-1",
            "1.3.14.3.2.29", "SHA-1",
            "1.2.840.10045.4.1", "SHA-1",
            "1.2.840.10040.4.3", "SHA-1");

    private LeafProfile() {
    }

    /** Why TLS clients would refuse the leaf, or empty. */
    static Optional<String> problem(X509Certificate leaf) {
        String weak = WEAK_SIGNATURES.get(leaf.getSigAlgOID());
        if (weak != null) {
            return Optional.of("the certificate is signed with " + weak + " (" + leaf.getSigAlgName()
                    + "), which browsers refuse; it must be signed with SHA-256 or stronger");
        }
        Set<String> critical = leaf.getCriticalExtensionOIDs();
        if (critical != null) {
            Set<String> unknown = new TreeSet<>(critical);
            unknown.removeAll(KNOWN_CRITICAL);
            if (!unknown.isEmpty()) {
                return Optional.of("the certificate has a critical extension TLS clients do not know ("
                        + String.join(", ", unknown) + "), so they must refuse it");
            }
        }
        if (HostnameMatcher.dnsNames(leaf).isEmpty()) {
            return Optional.of("the certificate has no subjectAltName DNS name, which browsers require (the "
                    + "subject CN alone is not read)");
        }
        return Optional.empty();
    }
}

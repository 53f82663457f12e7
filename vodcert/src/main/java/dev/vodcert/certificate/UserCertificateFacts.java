package dev.vodcert.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * What the certificate store's detail and list show about a certificate beyond
 * {@link CertificateFacts}, read from the certificate alone.
 *
 * @param sans the dNSName subjectAltNames, comma-separated as the store writes them
 * @param sha2 SHA-256 of the DER encoding, upper-case hex
 * @param serialNo the serial number, lower-case hex
 * @param algorithm {@code RSA} or {@code ECC}, the store's names for the key type
 * @param signAlgorithm the signature algorithm in lower case, e.g. {@code sha256withrsa}
 * @param orgName, country, province, city the subject's O, C, ST and L; "" when absent
 */
public record UserCertificateFacts(String sans, String sha2, String serialNo, String algorithm,
                                   String signAlgorithm, String orgName, String country, String province,
                                   String city) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    public static UserCertificateFacts of(X509Certificate leaf) {
        var subject = leaf.getSubjectX500Principal();
        return new UserCertificateFacts(String.join(",", HostnameMatcher.dnsNames(leaf)), sha256(leaf),
                leaf.getSerialNumber().toString(16),
                "RSA".equals(leaf.getPublicKey().getAlgorithm()) ? "RSA" : "ECC",
                leaf.getSigAlgName().toLowerCase(Locale.ROOT),
                DistinguishedNames.last(subject, BCStyle.O), DistinguishedNames.last(subject, BCStyle.C),
                DistinguishedNames.last(subject, BCStyle.ST), DistinguishedNames.last(subject, BCStyle.L));
    }

    /** The store's date form, {@code yyyy-MM-dd} in UTC. */
    public static String date(long epochMillis) {
        return DATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The leaf of a stored chain (PEM that was accepted before, so it parses). */
    public static X509Certificate leafOf(StoredCertificate certificate) {
        return PemParser.parseChain(certificate.certificatePem()).get(0);
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()))
                    .toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a parsed certificate", e);
        }
    }
}

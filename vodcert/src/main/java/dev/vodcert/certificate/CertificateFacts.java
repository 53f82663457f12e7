package dev.vodcert.certificate;

import dev.vodcert.protocol.Timestamps;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * What a CertInfo shows about a certificate, read from the certificate alone (DESIGN §4).
 *
 * @param commonName the subject's (last) CN; "" when the subject has none (SAN-only certificates)
 * @param issuerOrg the issuer's O, falling back to the issuer's CN (Pebble names only a CN); ""
 *     when the issuer has neither
 * @param notBefore NotBefore, truncated to seconds
 * @param notAfter NotAfter, truncated to seconds
 * @param fingerprint SHA-1 of the DER encoding, lower-case hex without separators
 * @param serialNumber the serial number in lower-case hex, without leading zeros
 * @param dnsNames the dNSName subjectAltNames as written
 */
public record CertificateFacts(String commonName, String issuerOrg, Instant notBefore, Instant notAfter,
        String fingerprint, String serialNumber, List<String> dnsNames) {

    /** Before it, {@code yyyy} (year of era, {@link Timestamps}) and {@code uuuu} differ. */
    private static final Instant YEAR_ONE = Instant.parse("0001-01-01T00:00:00Z");
    /** The wire format with the proleptic year, for times before {@link #YEAR_ONE}. */
    private static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    public CertificateFacts {
        dnsNames = List.copyOf(dnsNames);
    }

    public static CertificateFacts of(X509Certificate leaf) {
        String issuerOrg = DistinguishedNames.values(leaf.getIssuerX500Principal(), BCStyle.O).stream()
                .findFirst()
                .orElseGet(() -> DistinguishedNames.last(leaf.getIssuerX500Principal(), BCStyle.CN));
        return new CertificateFacts(
                DistinguishedNames.last(leaf.getSubjectX500Principal(), BCStyle.CN),
                issuerOrg,
                leaf.getNotBefore().toInstant().truncatedTo(ChronoUnit.SECONDS),
                leaf.getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS),
                sha1Hex(leaf),
                leaf.getSerialNumber().toString(16),
                HostnameMatcher.dnsNames(leaf));
    }

    /** The wire's time format, {@code yyyy-MM-ddTHH:mm:ssZ} in UTC, e.g. {@code 2018-06-03T13:03:39Z}. */
    public static String formatTime(Instant instant) {
        return instant.isBefore(YEAR_ONE) ? WIRE_TIME.format(instant) : Timestamps.format(instant);
    }

    /** {@link CertLife} of this certificate, e.g. {@code 3 months}. */
    public String certLife() {
        return CertLife.of(notBefore, notAfter);
    }

    private static String sha1Hex(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a parsed certificate", e);
        }
    }
}

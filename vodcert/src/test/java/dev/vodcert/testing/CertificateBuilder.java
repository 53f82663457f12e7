package dev.vodcert.testing;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Fluent description of one test certificate; start with {@link TestCertificates#certificate()}.
 * Defaults: the shared RSA 2048 key, CN = the first DNS name, signed by the shared test CA, valid
 * from one day ago for 90 days (Let's Encrypt's lifetime).
 *
 * <pre>{@code
 * Issued wildcard = TestCertificates.certificate().key(TestCertificates.ec("secp384r1"))
 *         .dns("*.example.com").issue();
 * Issued expired = TestCertificates.certificate().dns("a.example.com")
 *         .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-04-01T00:00:00Z")).issue();
 * }</pre>
 */
public final class CertificateBuilder {
    private KeyPair keyPair;
    private String cn;
    private boolean cnGiven;
    private List<String> dnsNames = List.of();
    private Instant notBefore;
    private Instant notAfter;
    private TestCa issuer;
    private boolean selfSigned;
    private String signatureAlgorithm;
    private String criticalOid;

    CertificateBuilder() {
    }

    public CertificateBuilder key(KeyPair keyPair) {
        this.keyPair = keyPair;
        return this;
    }

    /** The subject CN; {@code null} leaves the subject empty (a SAN-only certificate). */
    public CertificateBuilder cn(String cn) {
        this.cn = cn;
        this.cnGiven = true;
        return this;
    }

    /** The dNSName subjectAltNames; none gives a CN-only certificate. */
    public CertificateBuilder dns(String... dnsNames) {
        this.dnsNames = List.of(dnsNames);
        return this;
    }

    public CertificateBuilder validity(Instant notBefore, Instant notAfter) {
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        return this;
    }

    /** Valid from one day ago for the given length. */
    public CertificateBuilder validFor(Duration length) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        return validity(start, start.plus(length));
    }

    public CertificateBuilder issuer(TestCa issuer) {
        this.issuer = issuer;
        this.selfSigned = false;
        return this;
    }

    public CertificateBuilder selfSigned() {
        this.selfSigned = true;
        return this;
    }

    /** Signs with this JCA algorithm (e.g. {@code SHA1withECDSA}, {@code MD5withRSA}) instead of SHA-256. */
    public CertificateBuilder signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    /** Adds a critical extension of this OID (its value an ASN.1 NULL). */
    public CertificateBuilder criticalExtension(String oid) {
        this.criticalOid = oid;
        return this;
    }

    public Issued issue() {
        KeyPair key = keyPair != null ? keyPair : TestCertificates.rsa(2048);
        String subjectCn = cnGiven ? cn : dnsNames.isEmpty() ? "vodcert test leaf" : dnsNames.get(0);
        if (notBefore == null) {
            validFor(Duration.ofDays(90));
        }
        if (selfSigned) {
            return Issued.of(TestCertificates.leaf(key, subjectCn, dnsNames, notBefore, notAfter, null, null,
                    signatureAlgorithm, criticalOid), key, null);
        }
        TestCa ca = issuer != null ? issuer : TestCertificates.ca();
        return Issued.of(TestCertificates.leaf(key, subjectCn, dnsNames, notBefore, notAfter, ca.keyPair(), ca.name(),
                signatureAlgorithm, criticalOid), key, ca);
    }
}

package dev.vodcert.certificate;

import dev.vodcert.api.VodErrors;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns a certificate given with a request ({@code SSLPub}/{@code SSLPri}) into a row ready to
 * store: parsed, validated for the domain at the current time, the key encrypted. Nothing is
 * stored when any check fails.
 */
public final class CertificateIntake {
    /** A checked certificate and the certificate name that covers the domain. */
    public record Accepted(StoredCertificate certificate, String certDomainName) {
    }

    private final KeyCipher cipher;
    private final Clock clock;
    private final String certRegion;

    public CertificateIntake(KeyCipher cipher, Clock clock, String certRegion) {
        this.cipher = cipher;
        this.clock = clock;
        this.certRegion = certRegion;
    }

    public Accepted accept(long accountId, String asciiDomainName, String certType, String certName,
                           String sslPub, String sslPri) {
        try {
            return check(accountId, asciiDomainName, certType, certName, sslPub, sslPri);
        } catch (StackOverflowError e) {
            // Asn1Depth keeps nested structures out before parsing; this is the last line behind it
            throw VodErrors.INVALID_SSL_PUB.exception("the certificate or its key is nested too deeply to read");
        }
    }

    private Accepted check(long accountId, String asciiDomainName, String certType, String certName,
                           String sslPub, String sslPri) {
        CertificateBundle bundle = PemParser.parse(sslPub, sslPri);
        Instant now = clock.instant();
        CertificateValidator.validate(bundle, asciiDomainName, now);
        CertificateFacts facts = CertificateFacts.of(bundle.leaf());
        String covering = HostnameMatcher.matchingName(bundle.leaf(), asciiDomainName).orElse(asciiDomainName);
        long at = now.toEpochMilli();
        StoredCertificate row = new StoredCertificate(0, accountId, certType,
                certName != null ? certName : "cert-" + asciiDomainName, certRegion, bundle.chainPem(),
                cipher.encrypt(bundle.privateKeyPem()), facts.commonName(), facts.issuerOrg(), facts.fingerprint(),
                facts.notBefore().toEpochMilli(), facts.notAfter().toEpochMilli(), at, at);
        return new Accepted(row, covering);
    }
}

package dev.vodcert.certificate;

import dev.vodcert.api.VodErrors;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a certificate given with a request ({@code SSLPub}/{@code SSLPri}, or the certificate
 * store's {@code Cert}/{@code Key}) into a row ready to store: parsed, validated at the current
 * time (for the domain, when there is one), the key encrypted. Nothing is stored when any check
 * fails.
 */
public final class CertificateIntake {
    /** A checked certificate and the certificate name that covers the domain. */
    public record Accepted(StoredCertificate certificate, String certDomainName) {
    }

    /**
     * A certificate checked for the certificate store, for no domain yet; its leaf is kept so that
     * the domains using it can be checked ({@link CertificateValidator#servingProblem}).
     */
    public record Kept(StoredCertificate certificate, X509Certificate leaf) {
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
        return acceptIssued(accountId, asciiDomainName, certType, certName, sslPub, sslPri, Duration.ZERO);
    }

    /**
     * As {@link #accept}, for a certificate a CA has just issued: a NotBefore at most
     * {@code caClockSkew} ahead of this node's clock is taken as the CA's clock running ahead, not as
     * a certificate that is not valid yet (Let's Encrypt backdates NotBefore, other CAs do not).
     */
    public Accepted acceptIssued(long accountId, String asciiDomainName, String certType, String certName,
                                 String sslPub, String sslPri, Duration caClockSkew) {
        try {
            return check(accountId, asciiDomainName, certType, certName, sslPub, sslPri, caClockSkew);
        } catch (StackOverflowError e) {
            // Asn1Depth keeps nested structures out before parsing; this is the last line behind it
            throw VodErrors.INVALID_SSL_PUB.exception("the certificate or its key is nested too deeply to read");
        }
    }

    private Accepted check(long accountId, String asciiDomainName, String certType, String certName,
                           String sslPub, String sslPri, Duration caClockSkew) {
        CertificateBundle bundle = PemParser.parse(sslPub, sslPri);
        Instant now = clock.instant();
        Instant notBefore = bundle.leaf().getNotBefore().toInstant();
        boolean skewed = notBefore.isAfter(now) && !notBefore.isAfter(now.plus(caClockSkew));
        CertificateValidator.validate(bundle, asciiDomainName, skewed ? notBefore : now);
        String covering = HostnameMatcher.matchingName(bundle.leaf(), asciiDomainName).orElse(asciiDomainName);
        return new Accepted(row(accountId, certType, certName != null ? certName : "cert-" + asciiDomainName, bundle,
                now), covering);
    }

    /** A certificate for the store ({@code cas}), named {@code name}. */
    public Kept keep(long accountId, String name, String cert, String key) {
        CertificateBundle bundle = PemParser.parse(cert, key);
        Instant now = clock.instant();
        CertificateValidator.validateWithoutDomain(bundle, now);
        return new Kept(row(accountId, CertType.CAS.wire(), name, bundle, now), bundle.leaf());
    }

    /** The region certificates are kept in, as {@code CertRegion} reports it. */
    public String certRegion() {
        return certRegion;
    }

    private StoredCertificate row(long accountId, String certType, String certName, CertificateBundle bundle,
                                  Instant now) {
        CertificateFacts facts = CertificateFacts.of(bundle.leaf());
        long at = now.toEpochMilli();
        return new StoredCertificate(0, accountId, certType, certName, certRegion, bundle.chainPem(),
                cipher.encrypt(bundle.privateKeyPem()), facts.commonName(), facts.issuerOrg(), facts.fingerprint(),
                facts.notBefore().toEpochMilli(), facts.notAfter().toEpochMilli(), at, at);
    }
}

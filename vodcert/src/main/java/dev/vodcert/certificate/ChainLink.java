package dev.vodcert.certificate;

import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * One certificate of a stored chain as the certificate store's detail lists it ({@code CertChain}):
 * its subject and issuer common names and its validity in epoch milliseconds.
 */
public record ChainLink(String commonName, String issuerCommonName, long notBefore, long notAfter) {
    private static final long DAY_MILLIS = 86_400_000L;

    /** Every certificate of the chain, leaf first, in the order stored. */
    public static List<ChainLink> of(StoredCertificate certificate) {
        return PemParser.parseChain(certificate.certificatePem()).stream().map(ChainLink::of).toList();
    }

    static ChainLink of(X509Certificate c) {
        return new ChainLink(DistinguishedNames.last(c.getSubjectX500Principal(), BCStyle.CN),
                DistinguishedNames.last(c.getIssuerX500Principal(), BCStyle.CN),
                c.getNotBefore().getTime(), c.getNotAfter().getTime());
    }

    /** Whole days left at {@code nowMillis} until NotAfter; 0 once it has passed. */
    public int remainDays(long nowMillis) {
        return (int) Math.max(0, (notAfter - nowMillis) / DAY_MILLIS);
    }
}

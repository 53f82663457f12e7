package dev.vodcert.feed;

import dev.vodcert.edge.ServedCertificate;
import dev.vodcert.edge.ServedCertificates;
import dev.vodcert.store.ServedDomainRows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The node's side of the feed: {@link #version()} digests the store's summary of what is served
 * (one aggregate query, no key decrypted; equal on every node of one database), and
 * {@link #feed(String)} reads the served certificates themselves, their keys decrypted in memory
 * for the answer only. The version is read before the certificates: an answer is never older than
 * its version, so a poller holding that version misses no change.
 */
public final class FeedSource {
    private final ServedCertificates served;

    public FeedSource(ServedCertificates served) {
        this.served = served;
    }

    /** An opaque token that changes whenever the served set may have (16 hex digits). */
    public String version() {
        ServedDomainRows.Version v = served.version();
        String summary = v.count() + "/" + v.modifiedSum() + "/" + v.modifiedMax() + "/" + v.certIdSum();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(summary.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every served certificate, labelled with {@code version} (read by the caller just before). */
    public Feed feed(String version) {
        return new Feed(version, served.all().stream().map(FeedSource::entry).toList());
    }

    private static FeedCertificate entry(ServedCertificate c) {
        X509Certificate leaf = leaf(c.chainPem());
        return new FeedCertificate(c.domainName(), c.chainPem(), c.keyPem(),
                leaf.getSerialNumber().toString(16), leaf.getNotAfter().toInstant().toString());
    }

    private static X509Certificate leaf(String chainPem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(chainPem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored certificate chain does not parse", e);
        }
    }
}

package dev.vodcert.feed;

/**
 * One served domain in the feed: its canonical name ({@code *.example.com} for a wildcard), the
 * certificate chain in PEM (leaf first), the private key in PEM, the leaf's serial number in lower
 * case hex and its notAfter as an ISO-8601 instant. {@link #toString()} leaves the key out.
 */
public record FeedCertificate(String domain, String chain, String key, String serial, String notAfter) {

    @Override
    public String toString() {
        return "FeedCertificate[" + domain + ", serial " + serial + ", notAfter " + notAfter + "]";
    }
}

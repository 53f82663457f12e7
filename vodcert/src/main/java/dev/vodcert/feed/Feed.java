package dev.vodcert.feed;

import java.util.List;

/**
 * What {@code GET /admin/edge/certificates} answers: every domain a node serves over HTTPS now
 * (online, HTTPS on, with a certificate), ordered by name, and {@code version}, which changes
 * whenever the answer does; it is also the answer's ETag, so a poller sends it back in
 * {@code If-None-Match} and gets {@code 304 Not Modified} until something changed.
 */
public record Feed(String version, List<FeedCertificate> certificates) {

    public Feed {
        certificates = List.copyOf(certificates);
    }
}

package dev.vodcert.edge;

import dev.vodcert.domain.HttpsPolicy;
import dev.vodcert.domain.Source;
import java.util.List;

/**
 * What the edge knows of the domain that decides for one requested name: its stored name (for a
 * wildcard, {@code *.example.com}), whether it is online, its origins, and the certificate it
 * presents ({@code tls} null when HTTPS must be refused: offline, HTTPS off, or no certificate), and
 * its HTTPS policy ({@code policy} null: the defaults).
 */
record EdgeSite(String domainName, long accountId, boolean online, List<Source> sources, KeyMaterial tls,
                HttpsPolicy policy) {
    /** Whether a handshake that negotiated {@code protocol} may present this site's certificate. */
    boolean allows(String protocol) {
        return policy == null || protocol == null || policy.tlsVersions().contains(protocol);
    }
}

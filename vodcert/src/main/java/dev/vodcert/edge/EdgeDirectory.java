package dev.vodcert.edge;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.vodcert.domain.Source;
import dev.vodcert.domain.Sources;
import dev.vodcert.store.ServedDomainRows.Row;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's memory of the store: for each requested name (a TLS server name or an HTTP host), the
 * {@link EdgeSite} that decides for it, or nothing. A name seen before is answered from memory; once
 * its entry is older than the refresh period the next use re-reads it in the background (the
 * handshake meanwhile gets the entry it has), and an entry older than three periods is not used at
 * all but read again. So a change made through the API, on any node of the database, reaches the
 * handshakes here within about one period for a name in use, and three at most. A certificate that
 * did not change is not parsed again. Reading the store fails: the entry in memory stays until it
 * expires, then the name is refused until the store answers again.
 */
final class EdgeDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeDirectory.class);
    private static final int MAX_NAMES = 200_000;

    private final ServedCertificates served;
    private final EdgePolicies policies;
    private final LoadingCache<String, Optional<EdgeSite>> sites;

    EdgeDirectory(ServedCertificates served, EdgePolicies policies, Duration refresh) {
        this.served = served;
        this.policies = policies;
        this.sites = Caffeine.newBuilder()
                .maximumSize(MAX_NAMES)
                .refreshAfterWrite(refresh)
                .expireAfterWrite(refresh.multipliedBy(3))
                .build(new CacheLoader<>() {
                    @Override
                    public Optional<EdgeSite> load(String name) {
                        return read(name, null);
                    }

                    @Override
                    public Optional<EdgeSite> reload(String name, Optional<EdgeSite> before) {
                        return read(name, before.orElse(null));
                    }
                });
    }

    /** The site deciding for {@code host} (any case, a trailing dot allowed), if any. */
    Optional<EdgeSite> site(String host) {
        Optional<String> name = NameCandidates.canonical(host);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return sites.get(name.get());
        } catch (RuntimeException e) {
            LOG.warn("the edge cannot read the store for a name ({}); it is refused until the store answers",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The site's certificate, when HTTPS is served for {@code host}. */
    Optional<KeyMaterial> tls(String host) {
        return site(host).map(EdgeSite::tls);
    }

    private Optional<EdgeSite> read(String name, EdgeSite before) {
        Optional<Row> row = served.domainFor(name);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        KeyMaterial tls = served.certificateOf(r).map(c -> reuseOrParse(c, before)).orElse(null);
        return Optional.of(new EdgeSite(r.domainName(), r.accountId(), "online".equals(r.domainStatus()),
                origins(r), tls, policies.policy(r.domainName()).orElse(null)));
    }

    private static KeyMaterial reuseOrParse(ServedCertificate certificate, EdgeSite before) {
        if (before != null && before.tls() != null && before.tls().source().sameAs(certificate)) {
            return before.tls();
        }
        try {
            return KeyMaterial.of(certificate);
        } catch (RuntimeException e) {
            LOG.warn("the stored certificate of {} cannot be read for a handshake ({}); HTTPS is refused for it",
                    certificate.domainName(), e.getClass().getSimpleName());
            return null;
        }
    }

    private static List<Source> origins(Row row) {
        try {
            return Sources.parse(row.sources());
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}

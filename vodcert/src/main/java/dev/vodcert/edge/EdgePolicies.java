package dev.vodcert.edge;

import dev.vodcert.domain.HttpsPolicy;
import java.util.Optional;

/**
 * Where the edge reads what each domain's configuration asks of it beyond its certificate and
 * origins: the domain's {@link HttpsPolicy} (forced HTTPS or HTTP, HSTS, TLS versions, the origin
 * {@code Host}), read with the domain's entry and refreshed with it. Empty: the defaults (no
 * redirect, no HSTS, every TLS version Jetty allows, the requested name as origin {@code Host}).
 */
@FunctionalInterface
public interface EdgePolicies {
    /** No configuration: every domain gets the defaults. */
    EdgePolicies DEFAULTS = domainName -> Optional.empty();

    /** The policy of the stored domain {@code domainName}, if it has one. */
    Optional<HttpsPolicy> policy(String domainName);
}

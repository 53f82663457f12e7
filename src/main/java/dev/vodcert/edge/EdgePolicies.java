package dev.vodcert.edge;

/**
 * What a domain's configuration asks of the edge beyond its certificate and origins, asked per
 * request: the {@code Host} header sent to the origin. The default is what the CDN sends when a
 * domain sets nothing: the name the client asked for (for a wildcard domain, the subdomain
 * requested), without a port.
 */
public interface EdgePolicies {
    /** The defaults for every domain. */
    EdgePolicies DEFAULTS = new EdgePolicies() {
    };

    /** The {@code Host} header of the request to the origin of {@code domainName}. */
    default String originHost(String domainName, String requestedName) {
        return requestedName;
    }
}

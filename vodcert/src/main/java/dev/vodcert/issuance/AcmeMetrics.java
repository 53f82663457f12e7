package dev.vodcert.issuance;

import java.time.Duration;

/**
 * Where the ACME client reports each HTTP request it makes to the CA, for the metrics operators
 * know from cert-manager: {@code certmanager_http_acme_client_request_count} and
 * {@code certmanager_http_acme_client_request_duration_seconds}, labelled like cert-manager's.
 * The server's implementation feeds Prometheus; {@link #NONE} drops everything.
 */
public interface AcmeMetrics {
    AcmeMetrics NONE = (scheme, host, path, method, status, latency) -> { };

    /**
     * @param path the request path with variable parts (account, order ids) replaced, e.g.
     *     {@code /acme/order/<id>}, so that the label stays bounded
     * @param status the HTTP status, or 0 when no response came
     */
    void request(String scheme, String host, String path, String method, int status, Duration latency);
}

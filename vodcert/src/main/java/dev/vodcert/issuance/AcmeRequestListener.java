package dev.vodcert.issuance;

import java.net.URI;
import java.time.Duration;

/**
 * Told about every HTTP exchange the ACME client has with the CA, for metrics such as cert-manager's
 * {@code certmanager_http_acme_client_request_count} and {@code ..._request_duration_seconds}
 * (labels scheme, host, path, method, status). The URI's path carries resource ids (orders,
 * authorizations); an adapter that labels by path should cut it to its first segment. Called on the
 * issuing thread; must be quick and must not throw.
 */
@FunctionalInterface
public interface AcmeRequestListener {
    /** Listens to nothing. */
    AcmeRequestListener NONE = (method, uri, status, latency) -> {
    };

    /**
     * @param method the HTTP method ({@code GET}, {@code HEAD}, {@code POST})
     * @param uri the URI requested
     * @param status the HTTP status answered, or 0 when no answer came (refused, timed out, TLS failure)
     * @param latency from sending the request to receiving the response head, or to the failure
     */
    void requestDone(String method, URI uri, int status, Duration latency);
}

package dev.vodcert.issuance;

import java.net.URI;
import java.time.Duration;

/**
 * Feeds the ACME client's requests ({@link AcmeRequestListener}) into {@link AcmeMetrics}, cutting
 * each path to its first segment so that order and authorization ids never become label values.
 */
public final class AcmeRequestMetrics implements AcmeRequestListener {
    private final AcmeMetrics metrics;

    public AcmeRequestMetrics(AcmeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void requestDone(String method, URI uri, int status, Duration latency) {
        metrics.request(uri.getScheme(), uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()),
                firstSegment(uri.getPath()), method, status, latency);
    }

    static String firstSegment(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        int next = path.indexOf('/', 1);
        return next < 0 ? path : path.substring(0, next);
    }
}

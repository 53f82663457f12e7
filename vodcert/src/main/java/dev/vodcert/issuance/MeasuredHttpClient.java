package dev.vodcert.issuance;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client acme4j talks to the CA with, wrapped so that every exchange is reported to an
 * {@link AcmeRequestListener}: method, URI, status (0 when no answer came) and latency. acme4j sends
 * every request through {@link #send}; everything else is passed through unchanged.
 */
final class MeasuredHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final AcmeRequestListener listener;

    MeasuredHttpClient(HttpClient delegate, AcmeRequestListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        int status = 0;
        try {
            HttpResponse<T> response = delegate.send(request, handler);
            status = response.statusCode();
            return response;
        } finally {
            report(request, status, start);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        long start = System.nanoTime();
        return delegate.sendAsync(request, handler)
                .whenComplete((response, error) -> report(request, response == null ? 0 : response.statusCode(), start));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> push) {
        long start = System.nanoTime();
        return delegate.sendAsync(request, handler, push)
                .whenComplete((response, error) -> report(request, response == null ? 0 : response.statusCode(), start));
    }

    private void report(HttpRequest request, int status, long startNanos) {
        try {
            listener.requestDone(request.method(), request.uri(), status, Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (RuntimeException ignored) {
            // a metrics failure must never fail an issuance
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}

package dev.vodcert.edge;

import dev.vodcert.domain.Source;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's reverse proxy, sending each request to one origin of its domain ({@link OriginChooser}),
 * over HTTP/1.1 on the origin's stored port, path and query unchanged, with the {@code Host} header
 * the domain's {@code set_req_host_header} names, else the name the client asked for (no port), and {@code
 * X-Forwarded-For}/{@code X-Forwarded-Proto}
 * added (Jetty adds {@code Via} and {@code Forwarded}). An origin that refuses or cannot be
 * connected to within the connect timeout: 502, and it rests; an answer not complete within the
 * origin timeout: 504. Either is the failed request's alone: the edge serves on.
 */
final class EdgeProxy extends ProxyHandler {
    static final String SITE = EdgeProxy.class.getName() + ".site";
    static final String HOST = EdgeProxy.class.getName() + ".host";
    private static final String ORIGIN = EdgeProxy.class.getName() + ".origin";

    private final OriginChooser chooser;
    private final EdgeConfig config;

    EdgeProxy(OriginChooser chooser, EdgeConfig config) {
        this.chooser = chooser;
        this.config = config;
        setViaHost("vodcert-edge");
        setUseServerThreadPool(true); // one pool: no hand-off between the server's and the client's threads
    }

    @Override
    protected void configureHttpClient(HttpClient client) {
        super.configureHttpClient(client);
        client.setConnectTimeout(config.connectTimeout().toMillis());
        client.setIdleTimeout(config.idleTimeout().toMillis());
        client.setMaxConnectionsPerDestination(1024);
    }

    @Override
    protected HttpURI rewriteHttpURI(Request request) {
        EdgeSite site = (EdgeSite) request.getAttribute(SITE);
        Source origin = chooser.choose(site.sources()).orElseThrow();
        request.setAttribute(ORIGIN, origin);
        String host = origin.content().indexOf(':') >= 0 ? "[" + origin.content() + "]" : origin.content();
        return HttpURI.build(request.getHttpURI()).scheme("http").host(host).port(origin.port());
    }

    @Override
    protected org.eclipse.jetty.client.Request newProxyToServerRequest(Request request, HttpURI uri) {
        return super.newProxyToServerRequest(request, uri).timeout(config.originTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void copyRequestHeaders(Request request, org.eclipse.jetty.client.Request toOrigin) {
        super.copyRequestHeaders(request, toOrigin);
        EdgeSite site = (EdgeSite) request.getAttribute(SITE);
        String requested = (String) request.getAttribute(HOST);
        String host = site.policy() == null || site.policy().originHost() == null ? requested
                : site.policy().originHost();
        toOrigin.headers(h -> h.put(HttpHeader.HOST, host));
    }

    @Override
    protected void addProxyHeaders(Request request, org.eclipse.jetty.client.Request toOrigin) {
        super.addProxyHeaders(request, toOrigin);
        String client = Request.getRemoteAddr(request);
        String proto = request.isSecure() ? "https" : "http";
        toOrigin.headers(h -> {
            String before = h.get(HttpHeader.X_FORWARDED_FOR);
            h.put(HttpHeader.X_FORWARDED_FOR, before == null ? client : before + ", " + client);
            h.put(HttpHeader.X_FORWARDED_PROTO, proto);
        });
    }

    @Override
    protected void onServerToProxyResponseFailure(Request request, org.eclipse.jetty.client.Request toOrigin,
                                                  org.eclipse.jetty.client.Response fromOrigin, Response response,
                                                  Callback callback, Throwable failure) {
        if (failure instanceof ConnectException || failure instanceof SocketTimeoutException) {
            chooser.failed((Source) request.getAttribute(ORIGIN));
        }
        super.onServerToProxyResponseFailure(request, toOrigin, fromOrigin, response, callback, failure);
    }

    /** The configured timeouts, for the log line at start. */
    static String describe(EdgeConfig config) {
        return "connect " + seconds(config.connectTimeout()) + ", answer " + seconds(config.originTimeout());
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }
}

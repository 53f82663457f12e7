package dev.vodcert.edge;

import dev.vodcert.http.Http01Answers;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSession;
import dev.vodcert.domain.HttpsPolicy;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What the edge does with a request before proxying it. On the HTTP port,
 * {@code GET /.well-known/acme-challenge/{token}} is answered from the store (the same answers as
 * the challenge listener), whatever the host. Otherwise the {@code Host} decides: no stored domain
 * covers it, or the domain is not online: 404. Over HTTPS the host must be served by the same domain
 * as the handshake's server name, else 421 (Misdirected Request), so one connection never reaches
 * another domain's origins under a certificate it did not present. Then the domain's HTTPS policy:
 * {@code https_force} redirects plain HTTP to the HTTPS listener (when the domain's HTTPS is served),
 * {@code http_force} HTTPS to the HTTP listener, with the rule's status (301 or 308), same host, path
 * and query, the listener's port in the location unless it is 443 or 80; {@code HSTS} adds
 * {@code Strict-Transport-Security} to HTTPS answers. A domain with no origin: 502.
 */
final class EdgeHandler extends Handler.Wrapper {
    private final EdgeDirectory directory;
    private final Http01Answers challenges;
    private volatile int httpsPort = EdgeConfig.OFF;
    private volatile int httpPort = EdgeConfig.OFF;

    EdgeHandler(EdgeDirectory directory, Http01Answers challenges, Handler proxy) {
        super(proxy);
        this.directory = directory;
        this.challenges = challenges;
    }

    /** The bound ports, for the redirects between the two listeners. */
    void ports(int https, int http) {
        this.httpsPort = https;
        this.httpPort = http;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (!request.isSecure() && path != null && path.startsWith(Http01Answers.PREFIX)) {
            Optional<String> answer = challenges == null ? Optional.empty()
                    : challenges.keyAuthorization(path.substring(Http01Answers.PREFIX.length()));
            return text(response, callback, answer.isPresent() ? 200 : 404, answer.orElse("Not Found"));
        }
        String host = Request.getServerName(request);
        Optional<EdgeSite> site = directory.site(host);
        if (site.isEmpty() || !site.get().online()) {
            return text(response, callback, 404, "No accelerated domain is online for this host.");
        }
        if (request.isSecure() && !sameSiteAsHandshake(request, site.get())) {
            return text(response, callback, 421, "This connection's certificate is not this host's.");
        }
        HttpsPolicy policy = site.get().policy();
        if (policy != null && !request.isSecure() && policy.forceHttps() && site.get().tls() != null
                && httpsPort != EdgeConfig.OFF) {
            return redirect(request, response, callback, policy.forceHttpsStatus(), "https", httpsPort, 443);
        }
        if (policy != null && request.isSecure() && policy.forceHttp() && httpPort != EdgeConfig.OFF) {
            return redirect(request, response, callback, policy.forceHttpStatus(), "http", httpPort, 80);
        }
        if (policy != null && request.isSecure() && policy.hstsHeader() != null) {
            response.getHeaders().put("Strict-Transport-Security", policy.hstsHeader());
        }
        if (site.get().sources().isEmpty()) {
            return text(response, callback, 502, "The domain has no origin.");
        }
        request.setAttribute(EdgeProxy.SITE, site.get());
        request.setAttribute(EdgeProxy.HOST, NameCandidates.canonical(host).orElse(host));
        return super.handle(request, response, callback);
    }

    /** A redirect to the same host, path and query on the other listener (its port left out when the default). */
    private static boolean redirect(Request request, Response response, Callback callback, int status, String scheme,
                                    int port, int defaultPort) {
        HttpURI uri = request.getHttpURI();
        String location = scheme + "://" + Request.getServerName(request) + (port == defaultPort ? "" : ":" + port)
                + uri.getPathQuery();
        Response.sendRedirect(request, response, callback, status, location, true);
        return true;
    }

    private boolean sameSiteAsHandshake(Request request, EdgeSite site) {
        if (site.tls() == null) {
            return false;
        }
        EndPoint.SslSessionData ssl = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        SSLSession session = ssl == null ? null : ssl.sslSession();
        if (!(session instanceof ExtendedSSLSession extended)) {
            return false;
        }
        return extended.getRequestedServerNames().stream()
                .filter(n -> n instanceof SNIHostName)
                .map(n -> directory.site(((SNIHostName) n).getAsciiName()))
                .anyMatch(s -> s.isPresent() && s.get().domainName().equals(site.domainName()));
    }

    private static boolean text(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}

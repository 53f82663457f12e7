package dev.vodcert.edge;

import dev.vodcert.server.Http01Answers;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSession;
import org.eclipse.jetty.http.HttpHeader;
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
 * another domain's origins under a certificate it did not present. A domain with no origin: 502.
 */
final class EdgeHandler extends Handler.Wrapper {
    private final EdgeDirectory directory;
    private final Http01Answers challenges;

    EdgeHandler(EdgeDirectory directory, Http01Answers challenges, Handler proxy) {
        super(proxy);
        this.directory = directory;
        this.challenges = challenges;
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
        if (site.get().sources().isEmpty()) {
            return text(response, callback, 502, "The domain has no origin.");
        }
        request.setAttribute(EdgeProxy.SITE, site.get());
        request.setAttribute(EdgeProxy.HOST, NameCandidates.canonical(host).orElse(host));
        return super.handle(request, response, callback);
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

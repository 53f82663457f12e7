package dev.vodcert.edge;

import dev.vodcert.http.Http01Answers;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import dev.vodcert.http.SlowClients;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in edge: a Jetty server with an HTTPS listener (TLS by the JDK, the certificate chosen
 * per handshake by its server name from the store, HTTP/2 or HTTP/1.1 by ALPN) and a plain HTTP
 * listener (ACME HTTP-01 answers, then proxying), both proxying to the domains' origins. It reads
 * the store only through {@link ServedCertificates}; any number of edges may run on one database.
 */
public final class EdgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);

    private final Server server;
    private final ServerConnector https;
    private final ServerConnector http;

    private final SlowClients slowClients;

    private EdgeServer(Server server, ServerConnector https, ServerConnector http, SlowClients slowClients) {
        this.server = server;
        this.https = https;
        this.http = http;
        this.slowClients = slowClients;
    }

    /**
     * Starts the edge.
     *
     * @param challenges the HTTP-01 answers of the store, or null for none
     * @throws IllegalStateException naming the address when a port cannot be bound
     */
    public static EdgeServer start(EdgeConfig config, ServedCertificates served, Http01Answers challenges,
                                   EdgePolicies policies) {
        EdgeDirectory directory = new EdgeDirectory(served, policies, config.refresh());
        QueuedThreadPool threads = new QueuedThreadPool(400, 8);
        threads.setName("edge");
        Server server = new Server(threads);
        ServerConnector https = config.httpsPort() == EdgeConfig.OFF ? null
                : httpsConnector(server, config, new EdgeTls(new SniKeyManager(directory)));
        ServerConnector http = config.httpPort() == EdgeConfig.OFF ? null : httpConnector(server, config);
        EdgeProxy proxy = new EdgeProxy(new OriginChooser(System::currentTimeMillis), config);
        EdgeHandler handler = new EdgeHandler(directory, challenges, proxy);
        SlowClients slowClients = new SlowClients(config.clients(), false);
        for (ServerConnector connector : new ServerConnector[] {https, http}) {
            if (connector != null) {
                connector.addEventListener(slowClients);
            }
        }
        Handler.Wrapper heads = slowClients.headHandler();
        heads.setHandler(handler);
        server.setHandler(heads);
        server.setStopTimeout(2_000);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failed already; that failure is the one to report
            }
            slowClients.close();
            throw new IllegalStateException("cannot start the edge on " + config.host() + " (HTTPS port "
                    + config.httpsPort() + ", HTTP port " + config.httpPort() + "): " + e.getMessage(), e);
        }
        EdgeServer edge = new EdgeServer(server, https, http, slowClients);
        handler.ports(edge.httpsPort(), edge.httpPort());
        LOG.info("edge listening: HTTPS on {}, HTTP on {}; origin timeouts {}", edge.httpsPort(), edge.httpPort(),
                EdgeProxy.describe(config));
        return edge;
    }

    private static ServerConnector httpsConnector(Server server, EdgeConfig config, EdgeTls tls) {
        HttpConfiguration settings = settings();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // EdgeHandler checks the host against the handshake's domain
        secure.setSniRequired(false); // SniKeyManager refuses handshakes without a served name
        settings.addCustomizer(secure);
        HttpConnectionFactory h1 = new HttpConnectionFactory(settings);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(settings);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol(h1.getProtocol());
        SslConnectionFactory ssl = new SslConnectionFactory(tls, alpn.getProtocol());
        ServerConnector connector = new ServerConnector(server, ssl, alpn, h2, h1);
        return listen(server, connector, config, config.httpsPort());
    }

    private static ServerConnector httpConnector(Server server, EdgeConfig config) {
        return listen(server, new ServerConnector(server, new HttpConnectionFactory(settings())), config,
                config.httpPort());
    }

    private static HttpConfiguration settings() {
        HttpConfiguration settings = new HttpConfiguration();
        settings.setSendServerVersion(false);
        settings.setSendXPoweredBy(false);
        return settings;
    }

    private static ServerConnector listen(Server server, ServerConnector connector, EdgeConfig config, int port) {
        connector.setHost(config.host());
        connector.setPort(port);
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        server.addConnector(connector);
        return connector;
    }

    /** The HTTPS port (the bound one when 0 was asked), or -1 when off. */
    public int httpsPort() {
        return https == null ? EdgeConfig.OFF : https.getLocalPort();
    }

    /** The HTTP port (the bound one when 0 was asked), or -1 when off. */
    public int httpPort() {
        return http == null ? EdgeConfig.OFF : http.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the edge did not stop cleanly: {}", e.toString());
        }
        slowClients.close();
    }
}

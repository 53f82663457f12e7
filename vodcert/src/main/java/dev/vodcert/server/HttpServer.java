package dev.vodcert.server;

import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.RpcEndpoint;
import dev.vodcert.protocol.RpcRequest;
import dev.vodcert.protocol.RpcResponse;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import dev.vodcert.http.BodyFirst;
import dev.vodcert.http.SlowClients;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener (Javalin on Jetty): {@code /} goes to the RPC pipeline for every method (which
 * answers anything but GET and POST with {@code UnsupportedHTTPMethod}), {@code /health} and
 * {@code /ready} answer load balancers, and any other path or method gets the JSON envelope too.
 * Bodies and request heads over the configured size are refused with the error envelope, not
 * Jetty's page; requests beyond the bounded queue ({@link RequestQueue}) get
 * {@code ServiceUnavailable}. A request's body is read before it takes a place in that queue, and slow
 * clients are held to deadlines ({@link SlowClients}). With a TLS keystore configured the one listener
 * speaks HTTPS.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** Marks a request the pipeline answered, so that its own 404s are not taken for unrouted ones. */
    private static final String ANSWERED = "vodcert.answered";
    private static final byte[] NO_BODY = new byte[0];
    /** The most of an over-limit body read (and dropped) before refusing it; beyond this the connection closes. */
    static final long DRAIN_LIMIT = 4L << 20;
    /**
     * Threads Jetty keeps besides the ones that run requests (selectors, acceptor, the queue's
     * resumptions). The work is CPU and a database, so threads beyond the active-request limit
     * ({@link Limits#maxActiveRequests()}) only add switching: Javalin's default of 250 does not.
     */
    static final int SPARE_THREADS = 8;
    private static final int MIN_THREADS = 4;
    private final Javalin app;
    private final SlowClients slowClients;

    public HttpServer(ListenerConfig config, Limits limits, RpcEndpoint pipeline, BooleanSupplier ready) {
        TlsKeystore tls = config.tlsKeystore() == null ? null
                : TlsKeystore.load(config.tlsKeystore(), config.tlsKeystorePassword());
        this.slowClients = new SlowClients(limits.clientLimits(), true);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.jetty.threadPool = new QueuedThreadPool(limits.maxActiveRequests() + SPARE_THREADS, MIN_THREADS, 60_000);
            c.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(config.maxHeaderBytes());
                http.setSendServerVersion(false);
            });
            c.jetty.modifyServer(server -> {
                server.setErrorHandler(new EnvelopeErrorHandler());
                Handler.Wrapper head = slowClients.headHandler();
                BodyFirst body = new BodyFirst(config.maxBodyBytes(), slowClients::bodyRead);
                head.setHandler(body);
                body.setHandler(RequestQueue.handler(limits));
                server.setHandler(head);
            });
            if (tls != null) {
                c.jetty.addConnector((server, http) -> tls.connector(server, http, config.host(), config.port()));
            }
            for (HandlerType method : HandlerType.commonHttp()) {
                c.routes.addHttpHandler(method, "/", ctx -> answer(ctx, pipeline, config.maxBodyBytes()));
            }
            c.routes.error(404, ctx -> unrouted(ctx, pipeline));
            c.router.javaLangErrorHandler((res, error) -> failed(res, pipeline, error));
            c.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
            c.routes.get("/ready", ctx -> {
                boolean ok = ready.getAsBoolean();
                ctx.status(ok ? 200 : 503).contentType("application/json")
                        .result(ok ? "{\"status\":\"READY\"}" : "{\"status\":\"NOT_READY\"}");
            });
        });
        app.start(config.host(), config.port());
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            connector.addEventListener(slowClients);
        }
    }

    private static void answer(Context ctx, RpcEndpoint pipeline, int maxBody) throws IOException {
        HttpServletRequest req = ctx.req();
        byte[] body;
        try {
            body = readBody(req, maxBody);
        } catch (IOException | RuntimeException unreadable) {
            // a broken chunked encoding, a body shorter than its Content-Length: bad input, not a 500
            RpcResponse refused = pipeline.reject(GatewayErrors.INVALID_PARAMETER.exception(
                    "The request body could not be read as HTTP."), req.getHeader("host"));
            ctx.attribute(ANSWERED, Boolean.TRUE);
            ctx.status(refused.status());
            ctx.res().setContentType(refused.contentType());
            ctx.result(refused.body());
            return;
        }
        RpcResponse response;
        if (body == null) {
            response = pipeline.reject(GatewayErrors.REQUEST_TOO_LARGE.exception(
                    "The request body is larger than " + maxBody + " bytes."), req.getHeader("host"));
        } else {
            String query = req.getQueryString();
            response = pipeline.handle(new RpcRequest(req.getMethod(), req.getRequestURI(), query == null ? "" : query,
                    headers(req), body, req.getRemoteAddr()));
        }
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(response.status());
        ctx.res().setContentType(response.contentType());
        ctx.res().setContentLength(response.body().length);
        // written at once: Javalin's ctx.result() would copy it through a new 8 KiB buffer per answer
        ctx.res().getOutputStream().write(response.body());
    }

    /**
     * What no route takes: another method on {@code /} ({@code UnsupportedHTTPMethod}, 403, as the
     * pipeline answers PUT), or another path ({@code InvalidAction.NotFound}, 404), in the envelope.
     */
    private static void unrouted(Context ctx, RpcEndpoint pipeline) {
        if (ctx.attribute(ANSWERED) != null) {
            return;
        }
        boolean root = ctx.path().equals("/");
        RpcResponse response = pipeline.reject(root ? GatewayErrors.UNSUPPORTED_HTTP_METHOD.exception()
                : GatewayErrors.INVALID_ACTION_NOT_FOUND.exception(), ctx.header("host"));
        ctx.status(response.status());
        ctx.res().setContentType(response.contentType());
        ctx.result(response.body());
    }

    /**
     * A {@link java.lang.Error} escaping a request (a stack overflow, say) still gets the envelope,
     * {@code InternalError} without details; it is logged by its type only.
     */
    private static void failed(HttpServletResponse res, RpcEndpoint pipeline, Error error) {
        LOG.error("Request failed with {}", error.getClass().getName());
        RpcResponse response = pipeline.reject(GatewayErrors.INTERNAL_ERROR.exception(), null);
        try {
            res.resetBuffer();
            res.setStatus(response.status());
            res.setContentType(response.contentType());
            res.getOutputStream().write(response.body());
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Could not answer a failed request: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * The body, or null when it is larger than the limit. A declared length is read into an array of
     * that size; only a chunked body is read through a growing buffer.
     */
    private static byte[] readBody(HttpServletRequest req, int maxBody) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > maxBody) {
            try (InputStream in = req.getInputStream()) {
                drain(in);
            }
            return null;
        }
        if (declared == 0 || (declared < 0 && req.getHeader("Transfer-Encoding") == null)) {
            return NO_BODY; // HTTP/1.1: a request with neither length nor chunks has no body
        }
        try (InputStream in = req.getInputStream()) {
            if (declared > 0) {
                byte[] bytes = new byte[(int) declared];
                int read = in.readNBytes(bytes, 0, bytes.length);
                return read == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, read);
            }
            byte[] bytes = in.readNBytes(maxBody + 1);
            if (bytes.length > maxBody) {
                drain(in);
                return null;
            }
            return bytes;
        }
    }

    /**
     * Reads and drops what is left of a body too large to take (up to {@value #DRAIN_LIMIT} bytes), so
     * that the refusal is read by a client still sending rather than lost to a connection reset.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] dropped = new byte[8192];
        long total = 0;
        int n;
        while (total < DRAIN_LIMIT && (n = in.read(dropped, 0, (int) Math.min(dropped.length, DRAIN_LIMIT - total))) > 0) {
            total += n;
        }
    }

    private static Map<String, String> headers(HttpServletRequest req) {
        Map<String, String> headers = new HashMap<>();
        Enumeration<String> names = req.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), req.getHeader(name));
        }
        return headers;
    }

    public int port() {
        return app.port();
    }

    /** Connections closed for a slow head or body, and refused over the per-client limit, since the start. */
    public long slowClientsClosed() {
        return slowClients.closedForDeadline() + slowClients.refusedOverLimit();
    }

    @Override
    public void close() {
        app.stop();
        slowClients.close();
    }
}

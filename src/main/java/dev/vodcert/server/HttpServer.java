package dev.vodcert.server;

import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.RpcEndpoint;
import dev.vodcert.protocol.RpcRequest;
import dev.vodcert.protocol.RpcResponse;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener (Javalin on Jetty): {@code /} goes to the RPC pipeline for GET and POST,
 * {@code /health} and {@code /ready} answer load balancers. Bodies over the configured size and
 * request heads over the configured size are refused with the error envelope, not Jetty's page.
 */
public final class HttpServer implements AutoCloseable {
    private static final byte[] NO_BODY = new byte[0];
    /**
     * Request threads: the work is CPU and an embedded database, so a few per core keep the cores
     * busy; Javalin's default of 250 only adds switching and contention on a small machine. Requests
     * beyond this wait in Jetty's queue, not in a thread.
     */
    static final int MAX_THREADS = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
    private static final int MIN_THREADS = 4;
    private final Javalin app;

    public HttpServer(Config config, RpcEndpoint pipeline, BooleanSupplier ready) {
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, 60_000);
            c.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(config.maxHeaderBytes());
                http.setSendServerVersion(false);
            });
            c.jetty.modifyServer(server -> server.setErrorHandler(new EnvelopeErrorHandler()));
            c.routes.get("/", ctx -> answer(ctx, pipeline, config.maxBodyBytes()));
            c.routes.post("/", ctx -> answer(ctx, pipeline, config.maxBodyBytes()));
            c.routes.put("/", ctx -> answer(ctx, pipeline, config.maxBodyBytes()));
            c.routes.delete("/", ctx -> answer(ctx, pipeline, config.maxBodyBytes()));
            c.routes.patch("/", ctx -> answer(ctx, pipeline, config.maxBodyBytes()));
            c.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
            c.routes.get("/ready", ctx -> {
                boolean ok = ready.getAsBoolean();
                ctx.status(ok ? 200 : 503).contentType("application/json")
                        .result(ok ? "{\"status\":\"READY\"}" : "{\"status\":\"NOT_READY\"}");
            });
        });
        app.start(config.host(), config.port());
    }

    /**
     * Starts a listener on its own thread, so that the caller can open the database meanwhile (the
     * two take about as long, and the machine has more than one core).
     */
    static CompletableFuture<HttpServer> startInBackground(Config config, RpcEndpoint endpoint, BooleanSupplier ready) {
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        LoggerFactory.getILoggerFactory(); // logging set up once, here, not by two threads at the same time
        Thread thread = new Thread(() -> {
            try {
                started.complete(new HttpServer(config, endpoint, ready));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "vodcert-listener-start");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** The listener once it has started; its failure to start is thrown as it was. */
    static HttpServer started(CompletableFuture<HttpServer> listener) {
        try {
            return listener.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Stops the listener after it has started (the service failed to start in the meantime). */
    static void closeWhenStarted(CompletableFuture<HttpServer> listener) {
        try {
            listener.join().close();
        } catch (CompletionException ignored) {
            // it never started: nothing to close
        }
    }

    private static void answer(Context ctx, RpcEndpoint pipeline, int maxBody) throws IOException {
        HttpServletRequest req = ctx.req();
        byte[] body = readBody(req, maxBody);
        RpcResponse response;
        if (body == null) {
            response = pipeline.reject(GatewayErrors.REQUEST_TOO_LARGE.exception(
                    "The request body is larger than " + maxBody + " bytes."), req.getHeader("host"));
        } else {
            String query = req.getQueryString();
            response = pipeline.handle(new RpcRequest(req.getMethod(), req.getRequestURI(), query == null ? "" : query,
                    headers(req), body, req.getRemoteAddr()));
        }
        ctx.status(response.status());
        ctx.res().setContentType(response.contentType());
        ctx.res().setContentLength(response.body().length);
        // written at once: Javalin's ctx.result() would copy it through a new 8 KiB buffer per answer
        ctx.res().getOutputStream().write(response.body());
    }

    /**
     * The body, or null when it is larger than the limit. A declared length is read into an array of
     * that size; only a chunked body is read through a growing buffer.
     */
    private static byte[] readBody(HttpServletRequest req, int maxBody) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > maxBody) {
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
            return bytes.length > maxBody ? null : bytes;
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

    @Override
    public void close() {
        app.stop();
    }
}

package dev.vodcert.server;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.ResponseFormat;
import dev.vodcert.protocol.ResponseRenderer;
import dev.vodcert.protocol.RpcEndpoint;
import dev.vodcert.protocol.RpcRequest;
import dev.vodcert.protocol.RpcResponse;
import java.util.Locale;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The endpoint the listener is given while the rest of the service is still starting, so that the
 * HTTP listener and the database start side by side. A request that arrives before
 * {@link #open(RpcEndpoint, BooleanSupplier)} waits for it (at most {@link #WAIT_FOR_START}) and is
 * then answered by the real pipeline, so a client that connects as soon as the port opens is served,
 * not refused; only a start that takes longer, or fails ({@link #giveUp()}), answers
 * {@code ServiceUnavailable} (503, try again). {@code /ready} says not ready until open.
 */
final class StartingEndpoint implements RpcEndpoint {
    /** The longest a request waits for the service to finish starting. */
    static final Duration WAIT_FOR_START = Duration.ofSeconds(30);
    private final ResponseRenderer renderer;
    private final Duration waitForStart;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile RpcEndpoint target;
    private volatile BooleanSupplier ready = () -> false;

    StartingEndpoint(ResponseRenderer renderer) {
        this(renderer, WAIT_FOR_START);
    }

    StartingEndpoint(ResponseRenderer renderer, Duration waitForStart) {
        this.renderer = renderer;
        this.waitForStart = waitForStart;
    }

    /** From now on requests go to {@code pipeline}; {@code /ready} asks {@code readyCheck}. */
    void open(RpcEndpoint pipeline, BooleanSupplier readyCheck) {
        ready = readyCheck;
        target = pipeline;
        started.countDown();
    }

    /** The service will not start: requests waiting for it are refused now. */
    void giveUp() {
        started.countDown();
    }

    /** What {@code /ready} reports: open, and the check given at opening passes. */
    boolean isReady() {
        return target != null && ready.getAsBoolean();
    }

    @Override
    public RpcResponse handle(RpcRequest request) {
        RpcEndpoint t = awaitTarget();
        return t != null ? t.handle(request) : refuse(GatewayErrors.SERVICE_UNAVAILABLE.exception(),
                request.hostWithoutPort());
    }

    @Override
    public RpcResponse reject(ApiException error, String host) {
        RpcEndpoint t = awaitTarget();
        return t != null ? t.reject(error, host) : refuse(error, host == null ? "" : host);
    }

    private RpcEndpoint awaitTarget() {
        RpcEndpoint t = target;
        if (t != null) {
            return t;
        }
        try {
            started.await(waitForStart.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return target;
    }

    private RpcResponse refuse(ApiException error, String hostId) {
        return renderer.error(error, UUID.randomUUID().toString().toUpperCase(Locale.ROOT), hostId,
                ResponseFormat.JSON);
    }
}

package dev.vodcert.server;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.ResponseFormat;
import dev.vodcert.protocol.ResponseRenderer;
import dev.vodcert.protocol.RpcEndpoint;
import dev.vodcert.protocol.RpcRequest;
import dev.vodcert.protocol.RpcResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The endpoint the listener is given while the rest of the service is still starting, so that the
 * HTTP listener and the database start side by side: until {@link #open(RpcEndpoint)} every request
 * is answered {@code ServiceUnavailable} (503, try again) and {@code /ready} says not ready; from
 * then on every request goes to the real pipeline.
 */
final class StartingEndpoint implements RpcEndpoint {
    private final ResponseRenderer renderer;
    private volatile RpcEndpoint target;
    private volatile BooleanSupplier ready = () -> false;

    StartingEndpoint(ResponseRenderer renderer) {
        this.renderer = renderer;
    }

    /** From now on requests go to {@code pipeline}; {@code /ready} asks {@code readyCheck}. */
    void open(RpcEndpoint pipeline, BooleanSupplier readyCheck) {
        ready = readyCheck;
        target = pipeline;
    }

    /** What {@code /ready} reports: open, and the check given at opening passes. */
    boolean isReady() {
        return target != null && ready.getAsBoolean();
    }

    @Override
    public RpcResponse handle(RpcRequest request) {
        RpcEndpoint t = target;
        return t != null ? t.handle(request) : refuse(GatewayErrors.SERVICE_UNAVAILABLE.exception(),
                request.hostWithoutPort());
    }

    @Override
    public RpcResponse reject(ApiException error, String host) {
        RpcEndpoint t = target;
        return t != null ? t.reject(error, host) : refuse(error, host == null ? "" : host);
    }

    private RpcResponse refuse(ApiException error, String hostId) {
        return renderer.error(error, UUID.randomUUID().toString().toUpperCase(Locale.ROOT), hostId,
                ResponseFormat.JSON);
    }
}

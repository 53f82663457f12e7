package dev.vodcert.protocol;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request, start to end, as a list of named steps: read the parameters, choose the format,
 * find the action by version and name, authenticate, throttle, run the action, render. Any step
 * may throw {@link ApiException}; it is rendered here and nowhere else. Other failures go through
 * the failure translator (which knows, say, that a database outage is a {@code ServiceUnavailable})
 * and are never shown to the caller as they are.
 */
public final class RpcPipeline implements RpcEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(RpcPipeline.class);

    private final ActionTable actions;
    private final Authenticator authenticator;
    private final Throttle throttle;
    private final ResponseRenderer renderer;
    private final Function<RuntimeException, ApiException> failures;
    private final Clock clock;
    private volatile RequestObserver observer = RequestObserver.NONE;

    public RpcPipeline(ActionTable actions, Authenticator authenticator, Throttle throttle, ResponseRenderer renderer,
                       Function<RuntimeException, ApiException> failures, Clock clock) {
        this.actions = actions;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.renderer = renderer;
        this.failures = failures;
        this.clock = clock;
    }

    /** From now on {@code observer} hears of every request (metrics, attached once they are ready). */
    public void observe(RequestObserver observer) {
        this.observer = observer;
    }

    @Override
    public RpcResponse handle(RpcRequest request) {
        RequestObserver seen = observer;
        long began = System.nanoTime();
        seen.started();
        Labels labels = new Labels();
        RpcResponse response = null;
        try {
            response = answer(request, labels);
            return response;
        } finally {
            seen.finished(labels.action, response == null ? 500 : response.status(),
                    response == null ? GatewayErrors.INTERNAL_ERROR.code() : labels.code, System.nanoTime() - began);
        }
    }

    /** What the observer is told: the action once it is known to be registered, the error's code. */
    private static final class Labels {
        String action = RequestObserver.UNKNOWN_ACTION;
        String code;
    }

    private RpcResponse answer(RpcRequest request, Labels labels) {
        String requestId = newRequestId();
        ResponseFormat errorFormat = ResponseFormat.JSON;
        String action = null;
        try {
            checkMethod(request);
            RequestParameters params = RequestParameters.read(request);
            errorFormat = ResponseFormat.lenient(params.get("Format"));
            ResponseFormat format = ResponseFormat.of(params.get("Format"),
                    AuthorizationHeader.isAcs3(request.header("authorization")));
            action = pick(params, "Action", request.header("x-acs-action"));
            String version = pick(params, "Version", request.header("x-acs-version"));
            ActionHandler handler = actions.find(version, action);
            labels.action = action;
            Principal principal = authenticator.authenticate(request, params);
            throttle.acquire(principal, action);
            Object model = handler.handle(new ActionCall(action, version, params, principal, requestId, clock.instant()));
            return renderer.success(action, requestId, model, format);
        } catch (ApiException e) {
            labels.code = e.code();
            return renderer.error(e, requestId, request.hostWithoutPort(), errorFormat);
        } catch (RuntimeException e) {
            ApiException translated = failures.apply(e);
            labels.code = translated.code();
            if (translated.httpStatus() >= 500) {
                LOG.error("Request {} ({}) failed with {} at {}", requestId, action, e.getClass().getName(),
                        e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            }
            return renderer.error(translated, requestId, request.hostWithoutPort(), errorFormat);
        }
    }

    /** An answer for a request refused before the pipeline could read it (say, a body over the limit). */
    @Override
    public RpcResponse reject(ApiException error, String host) {
        String requestId = newRequestId();
        RpcRequest none = new RpcRequest("POST", "/", "", host == null ? java.util.Map.of()
                : java.util.Map.of("host", host), new byte[0], "");
        return renderer.error(error, requestId, none.hostWithoutPort(), ResponseFormat.JSON);
    }

    /**
     * A version-4 UUID in upper case, from {@link ThreadLocalRandom}: a request id needs to be unique,
     * not unguessable, and {@code UUID.randomUUID()} would make every request wait on one SecureRandom.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString().toUpperCase(Locale.ROOT);
    }

    private static void checkMethod(RpcRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("POST")) {
            throw GatewayErrors.UNSUPPORTED_HTTP_METHOD.exception();
        }
    }

    /** A common parameter that may also come as an {@code x-acs-*} header; the two must agree. */
    private static String pick(RequestParameters params, String name, String header) {
        String value = params.get(name);
        if (value != null && !value.isEmpty()) {
            if (header != null && !header.isEmpty() && !header.equals(value)) {
                throw GatewayErrors.invalid(name, "The parameter and the x-acs-" + name.toLowerCase(Locale.ROOT)
                        + " header disagree.");
            }
            return value;
        }
        if (header != null && !header.isEmpty()) {
            return header;
        }
        throw GatewayErrors.missing(name);
    }
}

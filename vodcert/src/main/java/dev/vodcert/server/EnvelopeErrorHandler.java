package dev.vodcert.server;

import dev.vodcert.protocol.GatewayErrors;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a request head over the size limit, a URI it cannot parse, a full request
 * queue) answered with the gateway's JSON error envelope instead of an HTML page, so every client
 * can read them. An HTTP version Jetty does not speak (505) is bad input like any other: 400.
 */
final class EnvelopeErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 400;
        if (status == 505) {
            status = 400;
            response.setStatus(status);
        }
        String message = switch (status) {
            case 431 -> "The request line and headers are larger than this service accepts.";
            case 414 -> "The request URI is larger than this service accepts.";
            case 413 -> "The request is larger than this service accepts.";
            case 503 -> GatewayErrors.SERVICE_UNAVAILABLE.message();
            default -> "The request could not be read as HTTP.";
        };
        if (status == 503) {
            QueueRefusals.refused();
        }
        String code = status == 503 ? GatewayErrors.SERVICE_UNAVAILABLE.code()
                : status >= 500 ? "InternalError" : "InvalidParameter";
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        String body = "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"\",\"Code\":\"" + code
                + "\",\"Message\":\"" + message + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}

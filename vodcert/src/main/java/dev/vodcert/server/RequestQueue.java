package dev.vodcert.server;

import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * The bounded request queue, Jetty's {@link QoSHandler} in front of the API: at most
 * {@code maxActiveRequests} run at once, up to {@code maxQueuedRequests} more wait (without holding
 * a thread), each at most {@code maxQueueWait}. A request beyond that, or one that waited too long,
 * is answered {@code ServiceUnavailable} (503) at once, in the JSON envelope
 * ({@link EnvelopeErrorHandler}): under overload callers get a fast refusal they can retry, never
 * an ever-growing wait. {@code /health} and {@code /ready} bypass the queue.
 */
final class RequestQueue {
    private RequestQueue() {
    }

    static QoSHandler handler(Limits limits) {
        QoSHandler qos = new QoSHandler();
        qos.setMaxRequestCount(limits.maxActiveRequests());
        qos.setMaxSuspendedRequestCount(limits.maxQueuedRequests());
        qos.setMaxSuspend(limits.maxQueueWait());
        qos.setRejectStatusCode(503);
        qos.excludePath("/health");
        qos.excludePath("/ready");
        return qos;
    }
}

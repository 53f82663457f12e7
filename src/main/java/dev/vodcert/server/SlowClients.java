package dev.vodcert.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slow clients cost a connection, never the service. Three rules, checked by one sweeper thread:
 * <ul>
 *   <li>a client address holds at most {@link Limits#maxConnectionsPerClient()} connections; one more
 *       is closed as it opens (HTTP/1.1 runs one request at a time on a connection, so this also bounds
 *       a client's requests in flight);</li>
 *   <li>once the first byte of a request head has arrived, the whole head must arrive within
 *       {@link Limits#headerTimeout()}, however slowly it trickles (a connection that sends nothing waits
 *       for the listener's idle timeout instead);</li>
 *   <li>a request's body must arrive whole within {@link Limits#bodyTimeout()} of its head.</li>
 * </ul>
 * A connection that breaks a deadline is closed. The body is read before the request takes a place in
 * the request queue ({@link BodyFirst}, which reports to {@link #bodyRead(Request)}), so a slow body
 * never holds one of the places that signed requests need.
 */
final class SlowClients implements Connection.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlowClients.class);
    /** How often the deadlines are checked: a deadline is kept to within this much. */
    static final Duration SWEEP_EVERY = Duration.ofMillis(250);

    private final Limits limits;
    private final ConcurrentHashMap<Connection, Watch> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final LongAdder closedForDeadline = new LongAdder();
    private final LongAdder refusedOverLimit = new LongAdder();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vodcert-slow-clients");
        t.setDaemon(true);
        return t;
    });

    SlowClients(Limits limits) {
        this.limits = limits;
        long every = SWEEP_EVERY.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** Outermost: the head has arrived; the body deadline starts and the head deadline stops. */
    Handler.Wrapper headHandler() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Watch watch = open.get(request.getConnectionMetaData().getConnection());
                if (watch == null) {
                    return super.handle(request, response, callback);
                }
                watch.headArrived(System.nanoTime());
                return super.handle(request, response, new Callback.Nested(callback) {
                    @Override
                    public void succeeded() {
                        watch.requestEnded();
                        super.succeeded();
                    }

                    @Override
                    public void failed(Throwable x) {
                        watch.requestEnded();
                        super.failed(x);
                    }
                });
            }
        };
    }

    /** The request's body has been read whole (or found too large): its deadline stops. */
    void bodyRead(Request request) {
        Watch watch = open.get(request.getConnectionMetaData().getConnection());
        if (watch != null) {
            watch.bodyRead();
        }
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = address(connection.getEndPoint().getRemoteSocketAddress());
        Watch watch = new Watch(connection, client, System.nanoTime());
        open.put(connection, watch);
        if (client != null && perClient.computeIfAbsent(client, a -> new AtomicInteger()).incrementAndGet()
                > limits.maxConnectionsPerClient()) {
            refusedOverLimit.increment();
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        Watch watch = open.remove(connection);
        if (watch != null && watch.client != null) {
            perClient.computeIfPresent(watch.client, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** Connections closed for a deadline, and refused for the per-client limit, since the start. */
    long closedForDeadline() {
        return closedForDeadline.sum();
    }

    long refusedOverLimit() {
        return refusedOverLimit.sum();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            long headNanos = limits.headerTimeout().toNanos();
            long bodyNanos = limits.bodyTimeout().toNanos();
            for (Watch watch : open.values()) {
                if (watch.late(now, headNanos, bodyNanos)) {
                    closedForDeadline.increment();
                    watch.connection.getEndPoint().close();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Checking slow clients failed: {}", e.getClass().getSimpleName());
        }
    }

    private static InetAddress address(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** One connection's state: between requests (its next head may be arriving) or in a request. */
    private static final class Watch {
        final Connection connection;
        final InetAddress client;
        private volatile boolean inRequest;
        private volatile boolean awaitingBody;
        private volatile long requestStarted;
        /** Bytes read when the connection last became idle; more means a head has begun. */
        private volatile long bytesWhenIdle;
        /** Whether the sweeper has seen a head begin, and when. */
        private volatile boolean headBegun;
        private volatile long headSeen;

        Watch(Connection connection, InetAddress client, long now) {
            this.connection = connection;
            this.client = client;
        }

        void headArrived(long now) {
            requestStarted = now;
            awaitingBody = true;
            inRequest = true;
            headBegun = false;
        }

        void bodyRead() {
            awaitingBody = false;
        }

        void requestEnded() {
            awaitingBody = false;
            bytesWhenIdle = connection.getBytesIn();
            headBegun = false;
            inRequest = false;
        }

        boolean late(long now, long headNanos, long bodyNanos) {
            if (inRequest) {
                return awaitingBody && now - requestStarted > bodyNanos;
            }
            if (connection.getBytesIn() <= bytesWhenIdle) {
                return false;
            }
            if (!headBegun) {
                headSeen = now;
                headBegun = true;
                return false;
            }
            return now - headSeen > headNanos;
        }
    }
}

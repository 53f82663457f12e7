package dev.vodcert.http;

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
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slow clients cost a connection, never the service. Three rules, checked by one sweeper thread:
 * <ul>
 *   <li>a client address holds at most {@link ClientLimits#maxConnectionsPerClient()} connections; one more
 *       is closed as it opens (HTTP/1.1 runs one request at a time on a connection, so this also bounds
 *       a client's requests in flight);</li>
 *   <li>once the first byte of a request head has arrived, the whole head must arrive within
 *       {@link ClientLimits#headerTimeout()}, however slowly it trickles (a connection that sends nothing waits
 *       for the listener's idle timeout instead);</li>
 *   <li>a request's body must arrive whole within {@link ClientLimits#bodyTimeout()} of its head.</li>
 * </ul>
 * A connection that breaks a deadline is closed. The body is read before the request takes a place in
 * the request queue ({@link BodyFirst}, which reports to {@link #bodyRead(Request)}), so a slow body
 * never holds one of the places that signed requests need.
 */
public final class SlowClients implements Connection.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlowClients.class);
    /** How often the deadlines are checked: a deadline is kept to within this much. */
    static final Duration SWEEP_EVERY = Duration.ofMillis(250);

    private final ClientLimits limits;
    private final boolean bodyDeadline;
    private final ConcurrentHashMap<Connection, Watch> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Connection, InetAddress> clients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final LongAdder closedForDeadline = new LongAdder();
    private final LongAdder refusedOverLimit = new LongAdder();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vodcert-slow-clients");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param bodyDeadline whether bodies are held to {@link ClientLimits#bodyTimeout()}: where a body is
     *                     read whole before its request is handled ({@link BodyFirst}); not where it streams
     *                     on (the edge proxies uploads of any length)
     */
    public SlowClients(ClientLimits limits, boolean bodyDeadline) {
        this.limits = limits;
        this.bodyDeadline = bodyDeadline;
        long every = SWEEP_EVERY.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** Outermost: the head has arrived; the body deadline starts and the head deadline stops. */
    public Handler.Wrapper headHandler() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Watch watch = open.get(request.getConnectionMetaData().getConnection());
                if (watch == null) {
                    return super.handle(request, response, callback);
                }
                watch.headArrived(System.nanoTime(), bodyDeadline);
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
    public void bodyRead(Request request) {
        Watch watch = open.get(request.getConnectionMetaData().getConnection());
        if (watch != null) {
            watch.bodyRead();
        }
    }

    /**
     * A connection opens. Behind TLS a client's connection is several (TLS, ALPN, then HTTP/1.1 or
     * HTTP/2): the one on the network socket is counted against its client, and an HTTP/1.1 one is
     * held to the deadlines (HTTP/2 multiplexes requests, which the idle timeout covers).
     */
    @Override
    public void onOpened(Connection connection) {
        if (connection.getEndPoint() instanceof SelectableChannelEndPoint network) {
            InetAddress client = address(network.getRemoteSocketAddress());
            if (client != null) {
                clients.put(connection, client);
                if (perClient.computeIfAbsent(client, a -> new AtomicInteger()).incrementAndGet()
                        > limits.maxConnectionsPerClient()) {
                    refusedOverLimit.increment();
                    network.close();
                }
            }
        }
        if (connection instanceof HttpConnection) {
            open.put(connection, new Watch(connection));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
        InetAddress client = clients.remove(connection);
        if (client != null) {
            perClient.computeIfPresent(client, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** Connections closed for a deadline, and refused for the per-client limit, since the start. */
    public long closedForDeadline() {
        return closedForDeadline.sum();
    }

    public long refusedOverLimit() {
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
        private volatile boolean inRequest;
        private volatile boolean awaitingBody;
        private volatile long requestStarted;
        /** Bytes read when the connection last became idle; more means a head has begun. */
        private volatile long bytesWhenIdle;
        /** Whether the sweeper has seen a head begin, and when. */
        private volatile boolean headBegun;
        private volatile long headSeen;

        Watch(Connection connection) {
            this.connection = connection;
        }

        void headArrived(long now, boolean bodyDeadline) {
            requestStarted = now;
            awaitingBody = bodyDeadline;
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

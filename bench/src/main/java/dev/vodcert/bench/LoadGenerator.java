package dev.vodcert.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator: a fixed number of keep-alive connections, each sending the
 * next pre-signed request as soon as the previous answer is complete. Non-blocking sockets on a few
 * selector threads, no allocation per request, so that it costs little CPU next to the server; its
 * own CPU time is measured and reported so that a reader can see it was not the bottleneck.
 */
final class LoadGenerator {
    private static final long STALL_NANOS = 30_000_000_000L;

    private final InetSocketAddress[] addresses;
    private final int connections;
    private final int threads;

    LoadGenerator(int port, int connections, int threads) {
        this(new int[] {port}, connections, threads);
    }

    /** Connection {@code c} goes to {@code ports[c % ports.length]}: the load spread evenly over several nodes. */
    LoadGenerator(int[] ports, int connections, int threads) {
        this.addresses = new InetSocketAddress[ports.length];
        for (int i = 0; i < ports.length; i++) {
            addresses[i] = new InetSocketAddress("127.0.0.1", ports[i]);
        }
        this.connections = connections;
        this.threads = Math.min(threads, connections);
    }

    /** Sends every request of the workload once and waits for every answer. */
    LoadResult run(Workload work) throws IOException, InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[work.size()];
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicLong cpu = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Selector> selectors = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Selector selector = Selector.open();
            selectors.add(selector);
            for (int c = t; c < connections; c += threads) {
                open(selector, addresses[c % addresses.length]);
            }
        }
        long start = System.nanoTime();
        for (Selector selector : selectors) {
            Thread worker = new Thread(() -> {
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long cpuStart = mx.getCurrentThreadCpuTime();
                try {
                    loop(selector, work, next, latencies, errors, firstError);
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
                }
            }, "load-" + workers.size());
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start;
        for (Selector selector : selectors) {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
        int done = Math.min(next.get(), work.size());
        return LoadResult.of(connections, done, errors.get(), elapsed, latencies, cpu.get(), firstError.get());
    }

    private static SocketChannel open(Selector selector, InetSocketAddress address) throws IOException {
        SocketChannel channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        channel.register(selector, 0, new Connection(channel, address));
        return channel;
    }

    private void loop(Selector selector, Workload work, AtomicInteger next, long[] latencies, AtomicLong errors,
                      java.util.concurrent.atomic.AtomicReference<String> firstError) throws IOException {
        int active = 0;
        for (SelectionKey key : selector.keys()) {
            if (send((Connection) key.attachment(), key, work, next)) {
                active++;
            }
        }
        long lastProgress = System.nanoTime();
        while (active > 0) {
            if (selector.select(1000) == 0) {
                if (System.nanoTime() - lastProgress > STALL_NANOS) {
                    errors.addAndGet(active);
                    return;
                }
                continue;
            }
            for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey key = it.next();
                it.remove();
                Connection c = (Connection) key.attachment();
                int outcome = c.onReadable(key);
                if (outcome == Connection.PENDING) {
                    continue;
                }
                lastProgress = System.nanoTime();
                if (outcome == Connection.CLOSED) {
                    errors.incrementAndGet();
                    key.cancel();
                    c.channel.close();
                    active--;
                    SocketChannel fresh = open(selector, c.address);
                    if (send((Connection) fresh.keyFor(selector).attachment(), fresh.keyFor(selector), work, next)) {
                        active++;
                    }
                    continue;
                }
                latencies[c.index] = lastProgress - c.sentAt;
                if (outcome != work.expectedStatus()[c.index]) {
                    errors.incrementAndGet();
                    if (firstError.get() == null) {
                        firstError.set("expected " + work.expectedStatus()[c.index] + ", got " + c.reader.lastAnswer());
                    }
                }
                if (!send(c, key, work, next)) {
                    active--;
                }
            }
        }
    }

    /** Sends the next request on the connection; false when the workload is used up. */
    private static boolean send(Connection c, SelectionKey key, Workload work, AtomicInteger next) throws IOException {
        int index = next.getAndIncrement();
        if (index >= work.size()) {
            key.interestOps(0);
            return false;
        }
        c.index = index;
        c.sentAt = System.nanoTime();
        ByteBuffer out = ByteBuffer.wrap(work.requests()[index]);
        while (out.hasRemaining()) {
            if (c.channel.write(out) == 0) {
                Thread.onSpinWait();
            }
        }
        key.interestOps(SelectionKey.OP_READ);
        return true;
    }

    /** One keep-alive connection and the answer being read on it. */
    private static final class Connection {
        static final int PENDING = -1;
        static final int CLOSED = -2;

        final SocketChannel channel;
        final InetSocketAddress address;
        final HttpResponseReader reader = new HttpResponseReader();
        int index;
        long sentAt;

        Connection(SocketChannel channel, InetSocketAddress address) {
            this.channel = channel;
            this.address = address;
        }

        /** The status of a complete answer, {@link #PENDING} while incomplete, {@link #CLOSED} when the peer closed. */
        int onReadable(SelectionKey key) throws IOException {
            int read = channel.read(reader.buffer());
            if (read < 0) {
                return CLOSED;
            }
            return reader.complete();
        }
    }
}

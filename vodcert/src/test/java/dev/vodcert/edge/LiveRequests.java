package dev.vodcert.edge;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream of live HTTPS requests to one name, each on a new connection with a full handshake, on
 * a few threads until closed: how many succeeded (200 from the origin), every failure, and the
 * serial numbers of the certificates the handshakes presented.
 */
final class LiveRequests implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Map<BigInteger, Boolean> serials = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    LiveRequests(int port, String name, int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(() -> {
                while (running) {
                    try {
                        TlsProbe.Answer a = TlsProbe.get(port, name, name, "/live");
                        serials.put(a.leaf().getSerialNumber(), true);
                        if (a.status() == 200 && a.body().startsWith("origin=")) {
                            succeeded.incrementAndGet();
                        } else {
                            failures.add(a.status() + " " + a.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }, "live-requests-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    boolean presented(BigInteger serial) {
        return serials.containsKey(serial);
    }

    int succeeded() {
        return succeeded.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(30_000);
        }
    }
}

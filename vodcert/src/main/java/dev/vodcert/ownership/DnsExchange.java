package dev.vodcert.ownership;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Type;

/**
 * One DNS query and its answer, as dnsjava's {@code Resolver.send} does it, but finishing on
 * vodcert's own threads. dnsjava hands each answer to {@code ForkJoinPool.commonPool()}, and
 * {@code CompletableFuture} replaces that pool by a new thread per task when the machine has two
 * cores or fewer (the common pool's parallelism is then 1): every CNAME check and ownership check
 * started and ended a thread (~10 a second in a busy lifecycle, bench/README.md).
 */
public final class DnsExchange {
    /** The threads that parse answers: two at most, each ended after a minute without work. */
    private static final ExecutorService ANSWERS = answers();

    private DnsExchange() {
    }

    private static ExecutorService answers() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "vodcert-dns-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Sends {@code query} and waits for the answer, at most the resolver's timeout. */
    public static Message send(Resolver resolver, Message query) throws IOException {
        try {
            return resolver.sendAsync(query, ANSWERS).toCompletableFuture()
                    .get(resolver.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a DNS answer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Timed out while trying to resolve " + query.getQuestion().getName() + "/"
                    + Type.string(query.getQuestion().getType()) + ", id=" + query.getHeader().getID(), e);
        }
    }
}

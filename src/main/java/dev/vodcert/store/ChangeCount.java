package dev.vodcert.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;

/**
 * How many Jdbi handles of this process have closed on one database: every write of the service
 * goes through one and is committed before its handle closes, so a read taken while this count
 * stood still saw no write since. {@link RememberedReads} keeps a read only as long as the count has
 * not moved. Reads that take no handle ({@link PlainQuery#on}) do not move it; a read through a
 * handle moves it needlessly, which costs a cache miss, never a stale answer. One count per JDBC
 * URL, shared by every {@link Database} of the process on it (an admin command run inside the
 * service's JVM, as tests do, opens its own).
 */
final class ChangeCount implements HandleListener {
    private static final Map<String, ChangeCount> BY_URL = new ConcurrentHashMap<>();

    private final AtomicLong closed = new AtomicLong();

    private ChangeCount() {
    }

    /** The count of the database at {@code jdbcUrl}. */
    static ChangeCount of(String jdbcUrl) {
        return BY_URL.computeIfAbsent(jdbcUrl, url -> new ChangeCount());
    }

    long now() {
        return closed.get();
    }

    @Override
    public void handleClosed(Handle handle) {
        closed.incrementAndGet();
    }
}

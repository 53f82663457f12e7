package dev.vodcert.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many writes this process has committed on one database, counted when they end: a write
 * through Jdbi is committed before its handle closes, and every closing handle counts
 * ({@link CountingJdbi}); a write in plain JDBC ({@link PlainQuery#on}) counts itself
 * ({@link #committed}) once its statement returned or failed. So a read taken while this count
 * stood still saw no write since. {@link RememberedReads} keeps a read only as long as the count has
 * not moved. Reads that take no handle do not move it; a read through a handle moves it needlessly,
 * which costs a cache miss, never a stale answer. One count per JDBC URL, shared by every
 * {@link Database} of the process on it (an admin command run inside the service's JVM, as tests
 * do, opens its own).
 */
final class ChangeCount {
    private static final Map<String, ChangeCount> BY_URL = new ConcurrentHashMap<>();

    private final AtomicLong writes = new AtomicLong();

    private ChangeCount() {
    }

    /** The count of the database at {@code jdbcUrl}. */
    static ChangeCount of(String jdbcUrl) {
        return BY_URL.computeIfAbsent(jdbcUrl, url -> new ChangeCount());
    }

    long now() {
        return writes.get();
    }

    /** A write without a Jdbi handle has ended (committed, or failed): what was remembered is stale. */
    void committed() {
        writes.incrementAndGet();
        PendingWrites.ended();
    }
}

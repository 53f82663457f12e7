package dev.vodcert.store;

import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;

/**
 * How many Jdbi handles of this process have closed: every write of the service goes through one
 * and is committed before its handle closes, so a read taken while this count stood still saw no
 * write since. {@link RememberedReads} keeps a read only as long as the count has not moved. Reads
 * that take no handle ({@link PlainQuery#on}) do not move it; a read through a handle moves it
 * needlessly, which costs a cache miss, never a stale answer.
 */
final class ChangeCount implements HandleListener {
    private final AtomicLong closed = new AtomicLong();

    long now() {
        return closed.get();
    }

    @Override
    public void handleClosed(Handle handle) {
        closed.incrementAndGet();
    }
}

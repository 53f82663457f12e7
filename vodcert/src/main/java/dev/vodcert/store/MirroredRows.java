package dev.vodcert.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Rows of one table kept in memory by key, told of every write by a row trigger
 * ({@link MirrorTrigger}). A write marks its key stale when its statement runs and again once it
 * has ended ({@link PendingWrites}); while it is under way nothing read of that key is kept. A read
 * is kept only if no write touched the table while it ran, and only in place of exactly the entry
 * it saw (compare-and-set), so no read taken before a commit outlives it.
 *
 * <p>Once {@link #complete} (every row loaded), a key with no entry here is found in what was
 * loaded, or known not to exist. Before that, and always when bounded, a missing key is read.
 */
final class MirroredRows<K, V> {
    /** A deleted or never-seen key, read since. */
    private static final Object ABSENT = new Object();

    /** A key whose row changed: read it again. One object per change, compared by identity. */
    private static final class Stale {
    }

    private final ConcurrentMap<K, Object> entries;
    private final ConcurrentMap<K, Integer> writing = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private volatile Function<K, Optional<V>> all;

    private MirroredRows(ConcurrentMap<K, Object> entries) {
        this.entries = entries;
    }

    /** Every row, once loaded. */
    static <K, V> MirroredRows<K, V> all() {
        return new MirroredRows<>(new ConcurrentHashMap<>());
    }

    /** At most {@code maximum} rows, the least used dropped first; never complete. */
    static <K, V> MirroredRows<K, V> bounded(int maximum) {
        return new MirroredRows<>(Caffeine.newBuilder().maximumSize(maximum).<K, Object>build().asMap());
    }

    /** The row of {@code key}: from memory, or {@code read} from the database (and kept when nothing moved). */
    @SuppressWarnings("unchecked")
    Optional<V> get(K key, Function<K, Optional<V>> read) {
        long before = changes.get();
        Object seen = entries.get(key);
        if (seen == ABSENT) {
            return Optional.empty();
        }
        if (seen != null && !(seen instanceof Stale)) {
            return Optional.of((V) seen);
        }
        Function<K, Optional<V>> loaded = all;
        if (seen == null && loaded != null) {
            return loaded.apply(key);
        }
        boolean quiet = !writing.containsKey(key);
        Optional<V> row = read.apply(key);
        if (quiet && changes.get() == before) {
            if (seen == null) {
                row.ifPresent(value -> entries.putIfAbsent(key, value));
            } else {
                entries.replace(key, seen, row.isPresent() ? row.get() : ABSENT);
            }
        }
        return row;
    }

    /** A row trigger fired for {@code key}: stale now, and again once the write has ended. */
    void touched(K key) {
        writing.merge(key, 1, Integer::sum);
        entries.put(key, new Stale());
        changes.incrementAndGet();
        PendingWrites.written(() -> settled(key));
    }

    private void settled(K key) {
        entries.put(key, new Stale());
        writing.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
        changes.incrementAndGet();
    }

    /**
     * Every row has been loaded into {@code loaded} (read while triggers already reported writes): a key
     * with no entry here is looked up there from now on, and one not there is known not to exist.
     * What any write touched since the triggers were in place has an entry here, which wins.
     */
    void complete(Function<K, Optional<V>> loaded) {
        all = loaded;
    }

    boolean isComplete() {
        return all != null;
    }

    /** How many times a trigger or an ended write has marked a key of this table stale. */
    long changes() {
        return changes.get();
    }
}

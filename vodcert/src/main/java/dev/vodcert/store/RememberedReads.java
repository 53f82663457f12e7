package dev.vodcert.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;

/**
 * Answers of a per-request read, kept in this process until anything is written: each answer is
 * stamped with the {@link ChangeCount} read before the query ran and is served again only while
 * the count still shows that stamp, so no answer outlives a write committed in this process.
 * Used only on the embedded H2 file, which one process alone can open (no other process can write
 * behind its back); on a database shared by several nodes ({@link #none()}) every call reads.
 * At most {@value #MAX_ENTRIES} answers; unknown keys (empty answers) are kept too.
 */
final class RememberedReads<K, V> {
    static final int MAX_ENTRIES = 10_000;

    private record Stamped<V>(long stamp, V value) {
    }

    private final ChangeCount changes;
    private final Cache<K, Stamped<V>> answers;

    private RememberedReads(ChangeCount changes) {
        this.changes = changes;
        this.answers = changes == null ? null : Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();
    }

    /** Remembers answers while {@code changes} stands still. */
    static <K, V> RememberedReads<K, V> over(ChangeCount changes) {
        return new RememberedReads<>(changes);
    }

    /** Remembers nothing: every call reads. */
    static <K, V> RememberedReads<K, V> none() {
        return new RememberedReads<>(null);
    }

    V get(K key, Supplier<V> read) {
        if (answers == null) {
            return read.get();
        }
        long stamp = changes.now();
        Stamped<V> kept = answers.getIfPresent(key);
        if (kept != null && kept.stamp() == stamp) {
            return kept.value();
        }
        V value = read.get();
        answers.put(key, new Stamped<>(stamp, value));
        return value;
    }
}

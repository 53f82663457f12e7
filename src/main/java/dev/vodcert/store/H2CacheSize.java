package dev.vodcert.store;

/**
 * The page cache of the embedded H2 database, sized from the heap the JVM may use: a quarter of it,
 * at least H2's own default (16 MiB) and at most 1 GiB. H2 keeps 16 MiB whatever the heap, so a
 * table that outgrows it (a million domains is a ~130 MiB file) is read from the file and
 * deserialised again on most lookups; a quarter of {@code -Xmx512m} (128 MiB) holds that table
 * whole and leaves the rest of the heap to the requests. The operator sizes it through the heap
 * ({@code -Xmx} or {@code -XX:MaxRAMPercentage}), see README "Running".
 */
public final class H2CacheSize {
    static final long MIN_BYTES = 16L << 20;
    static final long MAX_BYTES = 1L << 30;

    private H2CacheSize() {
    }

    /** H2's {@code CACHE_SIZE} (KiB) for a JVM whose heap may grow to {@code maxHeapBytes}. */
    public static long kib(long maxHeapBytes) {
        long quarter = maxHeapBytes / 4;
        return Math.max(MIN_BYTES, Math.min(MAX_BYTES, quarter)) >> 10;
    }

    /** For this JVM ({@link Runtime#maxMemory()}). */
    public static long kib() {
        return kib(Runtime.getRuntime().maxMemory());
    }
}

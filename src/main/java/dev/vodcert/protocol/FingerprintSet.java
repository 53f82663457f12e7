package dev.vodcert.protocol;

/**
 * A set of 64-bit fingerprints in one open-addressing array (linear probing, at most three quarters
 * full): eight to sixteen bytes per entry and no object per entry. Not thread-safe; its owner locks.
 */
final class FingerprintSet {
    private static final long EMPTY = 0;

    private long[] slots = new long[1024];
    private int size;

    boolean contains(long fingerprint) {
        long key = fingerprint == EMPTY ? 1 : fingerprint;
        int mask = slots.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == key) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
        }
    }

    /** Adds the fingerprint; false when it was there already. */
    boolean add(long fingerprint) {
        long key = fingerprint == EMPTY ? 1 : fingerprint;
        if ((size + 1) * 4L > slots.length * 3L) {
            grow();
        }
        if (!insert(slots, key)) {
            return false;
        }
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long slot : slots) {
            if (slot != EMPTY) {
                insert(bigger, slot);
            }
        }
        slots = bigger;
    }

    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            if (table[i] == key) {
                return false;
            }
            if (table[i] == EMPTY) {
                table[i] = key;
                return true;
            }
        }
    }

    private static int spread(long key) {
        return (int) (key ^ (key >>> 32));
    }
}

package dev.vodcert.protocol;

/**
 * A set of {@code long}s in one array (open addressing, linear probing, at most half full): 16
 * bytes per element, where a boxed set costs about 60. Not thread-safe; its owner synchronises.
 */
final class LongSet {
    private static final long EMPTY = 0;
    private long[] slots = new long[64];
    private int size;

    /** @return false when the value was there already */
    boolean add(long value) {
        long v = value == EMPTY ? 1 : value;
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = index(v, mask); ; i = (i + 1) & mask) {
            if (slots[i] == v) {
                return false;
            }
            if (slots[i] == EMPTY) {
                slots[i] = v;
                size++;
                return true;
            }
        }
    }

    boolean contains(long value) {
        long v = value == EMPTY ? 1 : value;
        int mask = slots.length - 1;
        for (int i = index(v, mask); ; i = (i + 1) & mask) {
            if (slots[i] == v) {
                return true;
            }
            if (slots[i] == EMPTY) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    /** Bytes held by the table. */
    long bytes() {
        return 8L * slots.length;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long v : old) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    private static int index(long v, int mask) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}

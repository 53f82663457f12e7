package dev.vodcert.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every domain's describe fields as {@link DomainMirror}'s load read them, packed into a few
 * arrays and never changed after: the names in one byte array, the numbers in long arrays, the
 * words as shared strings, found through an open-addressing hash of the names. About 65 bytes a
 * domain and no object per domain, so a million domains cost the collector a handful of arrays
 * (a map of records and strings took ~200 bytes and four objects a domain, and under a 512 MiB heap
 * kept G1 marking the old generation over and over). What changed after the load lives in front of
 * it ({@link MirroredRows}).
 */
final class DomainTable {
    /** A domain's describe fields; {@code certId} 0 when it has no certificate. */
    record Domain(long accountId, long certId, String sslProtocol, String cnameStatus, String certDomainName,
                  String freeStatus) {
    }

    /** In {@link #certNames}: the name the certificate was set for is the domain's own. */
    private static final String OWN_NAME = new String("own name");

    private final byte[] names;
    private final int[] ends;
    private final long[] accountIds;
    private final long[] certIds;
    private final String[] sslProtocols;
    private final String[] cnameStatuses;
    private final String[] certNames;
    private final String[] freeStatuses;
    private final int[] slots;

    private DomainTable(Builder b) {
        int n = b.size;
        names = Arrays.copyOf(b.names, b.nameBytes);
        ends = Arrays.copyOf(b.ends, n);
        accountIds = Arrays.copyOf(b.accountIds, n);
        certIds = Arrays.copyOf(b.certIds, n);
        sslProtocols = Arrays.copyOf(b.sslProtocols, n);
        cnameStatuses = Arrays.copyOf(b.cnameStatuses, n);
        certNames = Arrays.copyOf(b.certNames, n);
        freeStatuses = Arrays.copyOf(b.freeStatuses, n);
        slots = new int[Integer.highestOneBit(Math.max(2, n) * 2 - 1) * 2];
        for (int row = 0; row < n; row++) {
            int i = hash(names, start(row), ends[row]) & (slots.length - 1);
            while (slots[i] != 0) {
                i = (i + 1) & (slots.length - 1);
            }
            slots[i] = row + 1;
        }
    }

    int size() {
        return ends.length;
    }

    /** The fields of {@code name}, if the load read it. */
    Optional<Domain> find(String name) {
        int row = row(name.getBytes(StandardCharsets.UTF_8), null);
        if (row < 0) {
            return Optional.empty();
        }
        String certName = certNames[row];
        return Optional.of(new Domain(accountIds[row], certIds[row], sslProtocols[row], cnameStatuses[row],
                certName == OWN_NAME ? name : certName, freeStatuses[row]));
    }

    /** How many slots a lookup of {@code name} looks at (1 when it finds it, or an empty slot, at once). */
    int probes(String name) {
        int[] probes = new int[1];
        row(name.getBytes(StandardCharsets.UTF_8), probes);
        return probes[0];
    }

    /** The row of {@code key}, or -1; counts the slots looked at into {@code probes} when given. */
    private int row(byte[] key, int[] probes) {
        int mask = slots.length - 1;
        for (int i = hash(key, 0, key.length) & mask; ; i = (i + 1) & mask) {
            if (probes != null) {
                probes[0]++;
            }
            int row = slots[i] - 1;
            if (row < 0 || Arrays.equals(names, start(row), ends[row], key, 0, key.length)) {
                return row;
            }
        }
    }

    private int start(int row) {
        return row == 0 ? 0 : ends[row - 1];
    }

    /**
     * The polynomial hash of the bytes, mixed (MurmurHash3's finaliser): names that differ only in a
     * counter have neighbouring polynomial hashes, which unmixed would fill runs of adjacent slots.
     */
    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }


    /** Collects rows (each name once), then packs them. Not thread-safe. */
    static final class Builder {
        private final Canonical words = new Canonical(256);
        private final Canonical certNameValues = new Canonical(4_096);
        private byte[] names = new byte[1 << 16];
        private int nameBytes;
        private int size;
        private int[] ends = new int[1024];
        private long[] accountIds = new long[1024];
        private long[] certIds = new long[1024];
        private String[] sslProtocols = new String[1024];
        private String[] cnameStatuses = new String[1024];
        private String[] certNames = new String[1024];
        private String[] freeStatuses = new String[1024];

        void add(String name, Domain d) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            if (nameBytes + bytes.length > names.length) {
                names = Arrays.copyOf(names, Math.max(names.length * 2, nameBytes + bytes.length));
            }
            System.arraycopy(bytes, 0, names, nameBytes, bytes.length);
            nameBytes += bytes.length;
            if (size == ends.length) {
                int grown = size * 2;
                ends = Arrays.copyOf(ends, grown);
                accountIds = Arrays.copyOf(accountIds, grown);
                certIds = Arrays.copyOf(certIds, grown);
                sslProtocols = Arrays.copyOf(sslProtocols, grown);
                cnameStatuses = Arrays.copyOf(cnameStatuses, grown);
                certNames = Arrays.copyOf(certNames, grown);
                freeStatuses = Arrays.copyOf(freeStatuses, grown);
            }
            ends[size] = nameBytes;
            accountIds[size] = d.accountId();
            certIds[size] = d.certId();
            sslProtocols[size] = words.of(d.sslProtocol());
            cnameStatuses[size] = words.of(d.cnameStatus());
            certNames[size] = name.equals(d.certDomainName()) ? OWN_NAME : certNameValues.of(d.certDomainName());
            freeStatuses[size] = words.of(d.freeStatus());
            size++;
        }

        DomainTable build() {
            return new DomainTable(this);
        }
    }
}

package dev.vodcert.server;

import dev.vodcert.protocol.InMemoryNonceGuard;
import dev.vodcert.protocol.NonceGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one-node {@link NonceGuard}: {@link InMemoryNonceGuard} for the answer, and an append-only
 * journal of the fingerprints it accepts in the data folder, read back at the next start, so that
 * a request seen before a restart, or before a {@code kill -9}, is still refused as long as its
 * timestamp could pass. Each accepted nonce appends its 8-byte fingerprint to the file of its
 * expiry minute ({@value #FOLDER}/{@code <minute>.bin}) before the action runs; the write goes
 * to the operating system at once but is not forced to disk, so it survives the process's death,
 * not the machine's (a lost tail means a request of the last seconds before a power loss could be
 * replayed within its window). A file is deleted once its minute has passed. The SipHash key of
 * the fingerprints is kept beside them ({@value #KEY_FILE}, owner-only), so a new process computes
 * the same fingerprints.
 */
final class NonceJournal implements NonceGuard, AutoCloseable {
    static final String FOLDER = "nonces";
    static final String KEY_FILE = "key";
    private static final long MINUTE = 60_000;
    private static final String SUFFIX = ".bin";

    private final Path folder;
    private final Clock clock;
    private final InMemoryNonceGuard memory;
    private final TreeMap<Long, FileChannel> open = new TreeMap<>();
    private final ByteBuffer record = ByteBuffer.allocate(Long.BYTES);
    private long nextSweep;

    private NonceJournal(Path folder, Clock clock, InMemoryNonceGuard memory) {
        this.folder = folder;
        this.clock = clock;
        this.memory = memory;
    }

    /** Opens the journal in {@code dataDir}, reloading the nonces whose time has not passed. */
    static NonceJournal open(Path dataDir, Clock clock) {
        try {
            Path folder = Files.createDirectories(dataDir.resolve(FOLDER));
            NonceJournal journal = new NonceJournal(folder, clock, new InMemoryNonceGuard(clock, key(folder)));
            journal.reload();
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the nonce journal in " + dataDir.resolve(FOLDER), e);
        }
    }

    @Override
    public synchronized boolean firstUse(String accessKeyId, String nonce, Instant keepUntil) {
        long fingerprint = memory.fingerprint(accessKeyId, nonce);
        long minute = InMemoryNonceGuard.expiryMinute(keepUntil);
        if (!memory.firstUse(fingerprint, minute)) {
            return false;
        }
        try {
            sweep();
            record.clear();
            record.putLong(fingerprint).flip();
            FileChannel channel = channel(minute);
            while (record.hasRemaining()) {
                channel.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the nonce journal", e);
        }
        return true;
    }

    private FileChannel channel(long minute) throws IOException {
        FileChannel channel = open.get(minute);
        if (channel == null) {
            channel = FileChannel.open(folder.resolve(minute + SUFFIX), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            open.put(minute, channel);
        }
        return channel;
    }

    /** Closes and deletes the files of minutes that have passed; at most once a minute. */
    private void sweep() throws IOException {
        long now = clock.millis();
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + MINUTE;
        Iterator<Map.Entry<Long, FileChannel>> files = open.entrySet().iterator();
        while (files.hasNext()) {
            Map.Entry<Long, FileChannel> file = files.next();
            if (file.getKey() * MINUTE >= now) {
                break;
            }
            file.getValue().close();
            files.remove();
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : all) {
                Long minute = minuteOf(file);
                if (minute != null && minute * MINUTE < now && !open.containsKey(minute)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void reload() throws IOException {
        long now = clock.millis();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : all) {
                Long minute = minuteOf(file);
                if (minute == null) {
                    continue;
                }
                if (minute * MINUTE < now) {
                    Files.deleteIfExists(file);
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                int whole = bytes.length - bytes.length % Long.BYTES;
                ByteBuffer records = ByteBuffer.wrap(bytes, 0, whole);
                while (records.hasRemaining()) {
                    memory.remember(records.getLong(), minute);
                }
                if (whole != bytes.length) { // a record torn by a crash: drop it, so appends stay aligned
                    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        c.truncate(whole);
                    }
                }
            }
        }
        nextSweep = now + MINUTE;
    }

    private static Long minuteOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] key(Path folder) throws IOException {
        Path file = folder.resolve(KEY_FILE);
        if (Files.exists(file)) {
            byte[] key = Files.readAllBytes(file);
            if (key.length == 16) {
                return key;
            }
        }
        byte[] key = InMemoryNonceGuard.randomKey();
        Path temp = folder.resolve(KEY_FILE + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp);
        }
        Files.write(temp, key);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return key;
    }

    @Override
    public synchronized void close() {
        for (FileChannel channel : open.values()) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a file written without force: nothing to lose
            }
        }
        open.clear();
    }
}

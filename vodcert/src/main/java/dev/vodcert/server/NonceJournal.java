package dev.vodcert.server;

import dev.vodcert.protocol.InMemoryNonceGuard;
import dev.vodcert.protocol.NonceGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
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
 * The one-node {@link NonceGuard}: {@link InMemoryNonceGuard} for the answer, and a journal of the
 * fingerprints it accepts in the data folder, read back at the next start, so that a request seen
 * before a restart, or before a {@code kill -9}, is still refused as long as its timestamp could
 * pass. Each accepted nonce's 8-byte fingerprint is stored, before the action runs, into a
 * memory-mapped file of its expiry minute ({@value #FOLDER}/{@code <minute>.<process>.bin}, one
 * per minute and process, grown {@value #CHUNK} bytes at a time): a store into shared mapped pages
 * costs no system call and belongs to the operating system at once, so it survives the process's
 * death, not the machine's (the kernel writes the pages back within seconds; a power loss can lose
 * the last ones). Files of a minute that has passed are deleted. The SipHash key of the
 * fingerprints is kept beside them ({@value #KEY_FILE}, owner-only), so a new process computes the
 * same fingerprints. A fingerprint of zero, which marks unused space, is not journaled (odds 2^-64).
 */
public final class NonceJournal implements NonceGuard, AutoCloseable {
    static final String FOLDER = "nonces";
    static final String KEY_FILE = "key";
    static final int CHUNK = 64 * 1024;
    private static final long MINUTE = 60_000;
    private static final String SUFFIX = ".bin";

    private final Path folder;
    private final Clock clock;
    private final InMemoryNonceGuard memory;
    private final String process = Long.toString(ProcessHandle.current().pid()) + "-"
            + Long.toHexString(System.nanoTime());
    private final TreeMap<Long, MinuteFile> open = new TreeMap<>();
    private long nextSweep;

    /** One minute's file of this process: its channel, and the mapped chunk being filled. */
    private static final class MinuteFile {
        final FileChannel channel;
        MappedByteBuffer chunk;
        long chunkStart;

        MinuteFile(FileChannel channel) {
            this.channel = channel;
        }
    }

    private NonceJournal(Path folder, Clock clock, InMemoryNonceGuard memory) {
        this.folder = folder;
        this.clock = clock;
        this.memory = memory;
    }

    /** Opens the journal in {@code dataDir}, reloading the nonces whose time has not passed. */
    public static NonceJournal open(Path dataDir, Clock clock) {
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
            chunkWithRoom(minute).putLong(fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the nonce journal", e);
        }
        return true;
    }

    private MappedByteBuffer chunkWithRoom(long minute) throws IOException {
        MinuteFile file = open.get(minute);
        if (file == null) {
            file = new MinuteFile(FileChannel.open(folder.resolve(minute + "." + process + SUFFIX),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE));
            file.chunkStart = -CHUNK;
            open.put(minute, file);
        }
        if (file.chunk == null || !file.chunk.hasRemaining()) {
            file.chunkStart += CHUNK;
            file.chunk = file.channel.map(FileChannel.MapMode.READ_WRITE, file.chunkStart, CHUNK);
        }
        return file.chunk;
    }

    /** Closes and deletes the files of minutes that have passed; at most once a minute. */
    private void sweep() throws IOException {
        long now = clock.millis();
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + MINUTE;
        Iterator<Map.Entry<Long, MinuteFile>> files = open.entrySet().iterator();
        while (files.hasNext()) {
            Map.Entry<Long, MinuteFile> file = files.next();
            if (file.getKey() * MINUTE >= now) {
                break;
            }
            file.getValue().channel.close();
            files.remove();
        }
        deletePassed(now);
    }

    private void deletePassed(long now) throws IOException {
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
        deletePassed(now);
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : all) {
                Long minute = minuteOf(file);
                if (minute == null) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                ByteBuffer records = ByteBuffer.wrap(bytes, 0, bytes.length - bytes.length % Long.BYTES);
                while (records.hasRemaining()) {
                    long fingerprint = records.getLong();
                    if (fingerprint != 0) {
                        memory.remember(fingerprint, minute);
                    }
                }
            }
        }
        nextSweep = now + MINUTE;
    }

    private static Long minuteOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        try {
            return dot < 0 ? null : Long.parseLong(name.substring(0, dot));
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
        for (MinuteFile file : open.values()) {
            try {
                file.channel.close();
            } catch (IOException ignored) {
                // closing a file written without force: nothing to lose
            }
        }
        open.clear();
    }
}

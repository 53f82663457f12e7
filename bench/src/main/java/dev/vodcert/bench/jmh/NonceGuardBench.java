package dev.vodcert.bench.jmh;

import dev.vodcert.protocol.InMemoryNonceGuard;
import dev.vodcert.server.NonceJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The one-node nonce guard, a new nonce per call: memory alone against memory plus the journal's
 * 8-byte append in the data folder (what the service runs on H2), so the journal's cost per signed
 * request is the difference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NonceGuardBench {
    private InMemoryNonceGuard memory;
    private NonceJournal journal;
    private Path folder;
    private long next;

    @Setup
    public void setUp() throws IOException {
        memory = new InMemoryNonceGuard(Clock.systemUTC());
        folder = Files.createTempDirectory("nonce-bench");
        journal = NonceJournal.open(folder, Clock.systemUTC());
    }

    @TearDown
    public void tearDown() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public boolean memory() {
        return memory.firstUse(Requests.KEY_ID, "nonce-" + next++, Instant.now().plus(Duration.ofMinutes(15)));
    }

    @Benchmark
    public boolean journaled() {
        return journal.firstUse(Requests.KEY_ID, "nonce-" + next++, Instant.now().plus(Duration.ofMinutes(15)));
    }
}

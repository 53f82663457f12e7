package dev.vodcert.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vodcert as a child JVM, started the way an operator starts it ({@code dev.vodcert.Main serve
 * --port 0 --data DIR}) on the test's own class path, so that a test can {@code kill -9} it
 * ({@link Process#destroyForcibly()} is SIGKILL on Linux), restart it on the same data, and read its
 * resident memory from {@code /proc}.
 */
public final class ChildVodcert implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
    private final Process process;
    private final List<String> output;
    private final int port;

    private ChildVodcert(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts vodcert on {@code dataDir} with the default test key and these extra {@code serve} options. */
    public static ChildVodcert start(Path dataDir, String heap, String... options) {
        return start(dataDir, heap, java.util.Map.of(), options);
    }

    /** As {@link #start(Path, String, String...)}, with these extra environment variables (e.g. a database password). */
    public static ChildVodcert start(Path dataDir, String heap, java.util.Map<String, String> env, String... options) {
        return start(List.of(), dataDir, heap, env, options);
    }

    /** As {@link #start(Path, String, java.util.Map, String...)}, with these JVM options too (e.g. -Xlog). */
    public static ChildVodcert start(List<String> jvmOptions, Path dataDir, String heap,
                                     java.util.Map<String, String> env, String... options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.vodcert.Main", "serve",
                "--port", "0", "--data", dataDir.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VODCERT_ACCESS_KEY_ID", TestServer.ACCESS_KEY_ID);
        builder.environment().put("VODCERT_ACCESS_KEY_SECRET", TestServer.ACCESS_KEY_SECRET);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CountDownLatch listening = new CountDownLatch(1);
        AtomicInteger port = new AtomicInteger();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.set(Integer.parseInt(m.group(1)));
                        listening.countDown();
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "child-vodcert-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!listening.await(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("vodcert did not start: " + lines);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        return new ChildVodcert(process, port.get(), lines);
    }

    /** What the process printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook closes the server and the database. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Resident memory in KiB, from /proc/PID/status. */
    public long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

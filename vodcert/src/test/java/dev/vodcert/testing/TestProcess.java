package dev.vodcert.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An external program a test needs (Pebble, pebble-challtestsrv): started with its output collected,
 * ready when it has printed a given line and accepts TCP connections on a given port, stopped (and
 * killed if it must be) on {@link #close()}. Startup failures say what the program printed.
 */
final class TestProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread shutdownHook;

    private TestProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.shutdownHook = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The absolute path of an installed program, or a failure that says how to install it. */
    static String require(String program) {
        return require(program, "pebble");
    }

    /** As {@link #require(String)}, naming the Debian package that holds {@code program}; sbin folders count. */
    static String require(String program, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(program + " is not installed. These tests need Debian's " + debianPackage
                + " package: run ./scripts/test.sh (it installs it) or apt-get install -y " + debianPackage);
    }

    /**
     * Starts {@code command} in {@code dir} and waits until it printed a line containing
     * {@code readyLine} and accepts connections on 127.0.0.1:{@code readyPort}.
     */
    static TestProcess start(String name, List<String> command, Map<String, String> env, Path dir, String readyLine,
            int readyPort) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        TestProcess started;
        try {
            started = new TestProcess(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        try {
            started.awaitReady(readyLine, readyPort);
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    private void awaitReady(String readyLine, int port) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    if (line.contains(readyLine)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process went away; handled below
            }
            ready.completeExceptionally(new IllegalStateException(name + " exited before it was ready"));
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitPort(port, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " did not become ready within " + START_TIMEOUT + "; it printed:\n"
                    + output, e);
        }
    }

    /** A subprocess readiness probe: the program logs before it binds, so the port may lag the line by a moment. */
    private void awaitPort(int port, Instant deadline) throws InterruptedException {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name + " does not accept connections on port " + port
                            + "; it printed:\n" + output);
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Sends a signal ({@code STOP}, {@code CONT}) with the system's {@code kill}: a stopped program
     * keeps its sockets, so connections are accepted by the kernel and then wait for an answer.
     */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + this.name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the program printed so far. */
    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        stop(process, shutdownHook);
    }

    /** Stops {@code process} (politely, then by force after 5 s) and drops its shutdown hook. */
    static void stop(Process process, Thread shutdownHook) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook runs anyway
        }
    }
}

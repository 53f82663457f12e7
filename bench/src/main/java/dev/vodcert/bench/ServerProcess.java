package dev.vodcert.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A server under test in its own JVM: started with a command line, timed from the start of the
 * process to its first complete answer, observed through {@code /proc} (resident memory, CPU time),
 * and stopped with SIGTERM.
 */
final class ServerProcess implements AutoCloseable {
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    final int port;
    final double startupSeconds;
    private final Path log;
    private final long logFrom;

    private ServerProcess(Process process, int port, double startupSeconds, Path log, long logFrom) {
        this.process = process;
        this.log = log;
        this.logFrom = logFrom;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts the command and sends {@code probe}'s requests (a fresh one per try) until one gets a
     * complete HTTP answer with one of the accepted statuses; 503 (listening, still starting) and a
     * refused connection mean "not yet".
     */
    static ServerProcess start(List<String> command, Map<String, String> env, Path log, int port,
                               Supplier<byte[]> probe, int... acceptedStatus) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        long logFrom = Files.exists(log) ? Files.size(log) : 0;
        long start = System.nanoTime();
        Process process = builder.start();
        long deadline = start + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + log);
            }
            int status = exchange(port, probe.get())[0];
            for (int ok : acceptedStatus) {
                if (status == ok) {
                    return new ServerProcess(process, port, (System.nanoTime() - start) / 1e9, log, logFrom);
                }
            }
            if (status > 0 && status != 503) { // 503: listening, still starting
                process.destroy();
                throw new IllegalStateException("first answer had status " + status + "; see " + log);
            }
            Thread.sleep(5);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server did not answer within 120 s; see " + log);
    }

    /** One request on a new connection: {status, body bytes} of its answer, or {-1, 0} when nothing listens. */
    static int[] exchange(int port, byte[] request) throws IOException {
        Answer a = answer(port, request);
        return new int[] {a.status(), a.bodyBytes()};
    }

    /** A complete answer: its status, body length and the whole text (head and body). */
    record Answer(int status, int bodyBytes, String text) {
    }

    /** One request on a new connection and its answer; status -1 when nothing listens. */
    static Answer answer(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            HttpResponseReader reader = new HttpResponseReader();
            InputStream in = socket.getInputStream();
            while (true) {
                var buffer = reader.buffer();
                int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
                if (n < 0) {
                    return new Answer(-1, 0, "");
                }
                buffer.position(buffer.position() + n);
                String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                int status = reader.complete();
                if (status > 0) {
                    return new Answer(status, reader.lastBodyBytes(), text);
                }
            }
        } catch (ConnectException e) {
            return new Answer(-1, 0, "");
        }
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory now, in MiB (of this process alone). */
    double rssMiB() throws IOException {
        return statusKib("VmRSS:") / 1024.0;
    }

    /** The most resident memory so far, in MiB. */
    double peakRssMiB() throws IOException {
        return statusKib("VmHWM:") / 1024.0;
    }

    private long statusKib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    /**
     * User plus system CPU time used so far, in seconds, by the process and its children still
     * running (nginx's workers are children of its master process).
     */
    double cpuSeconds() throws IOException {
        return treeCpuSeconds(process.toHandle());
    }

    /** CPU seconds of a process and its descendants still running. */
    static double treeCpuSeconds(ProcessHandle root) throws IOException {
        double total = cpuSeconds(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            total += cpuSeconds(child.pid());
        }
        return total;
    }

    private static double cpuSeconds(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException gone) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** The first line this process logged that contains {@code text}, waited for up to {@code seconds}. */
    String awaitLogLine(String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            byte[] all = Files.readAllBytes(log);
            String written = new String(all, (int) logFrom, all.length - (int) logFrom, StandardCharsets.UTF_8);
            for (String line : written.lines().toList()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not log \"" + text + "\" within " + seconds + " s; see " + log);
    }

    /** The first lines of a {@code jcmd} diagnostic command's output for this process. */
    String jcmd(String command, int lines) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid()), command).redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return String.join("\n", text.lines().limit(lines).toList());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package dev.vodcert.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Debian's {@code pebble-challtestsrv} as a test fixture: a real DNS server on 127.0.0.1 (UDP and
 * TCP) whose answers tests set through its management API. Start one per test class
 * ({@code @BeforeAll}) and {@link #close()} it after ({@code @AfterAll}); ports are free ones,
 * picked at start, so parallel builds do not collide. Every name answers A {@code 127.0.0.1} unless
 * a test says otherwise; there are no AAAA answers and no HTTP/TLS challenge servers.
 *
 * <p>{@link #start()} fails with a clear message when the binary is missing (install the
 * {@code pebble} package, as {@code scripts/test.sh} does), retries on a port taken in the
 * meantime, and returns only once the management API and the DNS server both answer.
 */
public final class ChallTestSrv implements AutoCloseable {
    public static final String BINARY = "pebble-challtestsrv";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final int ATTEMPTS = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final int dnsPort;
    private final int managementPort;
    private final Thread reaper;

    private ChallTestSrv(Process process, Path log, int dnsPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.dnsPort = dnsPort;
        this.managementPort = managementPort;
        this.reaper = new Thread(process::destroyForcibly, "challtestsrv-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts a server on free ports of 127.0.0.1 and waits until it answers. */
    public static ChallTestSrv start() {
        String binary = locate();
        IllegalStateException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int dns = freeUdpAndTcpPort();
            int management = freeTcpPort();
            try {
                Path log = Files.createTempFile("challtestsrv", ".log");
                Process p = new ProcessBuilder(binary, "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
                        "-dns01", "127.0.0.1:" + dns, "-http01", "", "-https01", "", "-tlsalpn01", "",
                        "-management", "127.0.0.1:" + management)
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                ChallTestSrv server = new ChallTestSrv(p, log, dns, management);
                try {
                    server.awaitReady();
                    return server;
                } catch (IllegalStateException e) {
                    server.close();
                    last = e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + binary, e);
            }
        }
        throw last;
    }

    /** {@code 127.0.0.1:port} of the DNS server, the form vodcert's resolver setting takes. */
    public String dnsAddress() {
        return "127.0.0.1:" + dnsPort;
    }

    public int dnsPort() {
        return dnsPort;
    }

    /** Answers TXT queries for {@code host} with {@code value} (replacing what was set before). */
    public void setTxt(String host, String value) {
        post("/set-txt", "{\"host\":\"" + fqdn(host) + "\",\"value\":\"" + value + "\"}");
    }

    public void clearTxt(String host) {
        post("/clear-txt", "{\"host\":\"" + fqdn(host) + "\"}");
    }

    /** Answers A queries for {@code host} with these addresses. */
    public void addA(String host, List<String> addresses) {
        post("/add-a", "{\"host\":\"" + fqdn(host) + "\",\"addresses\":[\"" + String.join("\",\"", addresses) + "\"]}");
    }

    public void clearA(String host) {
        post("/clear-a", "{\"host\":\"" + fqdn(host) + "\"}");
    }

    /** Answers every query for {@code host} with SERVFAIL. */
    public void setServfail(String host) {
        post("/set-servfail", "{\"host\":\"" + fqdn(host) + "\"}");
    }

    public void clearServfail(String host) {
        post("/clear-servfail", "{\"host\":\"" + fqdn(host) + "\"}");
    }

    /** Answers CNAME {@code target} for {@code host}. */
    public void setCname(String host, String target) {
        post("/set-cname", "{\"host\":\"" + fqdn(host) + "\",\"target\":\"" + fqdn(target) + "\"}");
    }

    public void clearCname(String host) {
        post("/clear-cname", "{\"host\":\"" + fqdn(host) + "\"}");
    }

    /** The address unlisted names answer A with; empty for none. */
    public void setDefaultIpv4(String address) {
        post("/set-default-ipv4", "{\"ip\":\"" + address + "\"}");
    }

    /** What the server printed so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        TestProcess.stop(process, reaper);
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file
        }
    }

    private void post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(BINARY + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(BINARY + " " + path + " failed; log:\n" + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls (the process start has no other signal) until management and DNS both answer. */
    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        boolean management = false;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(BINARY + " exited with " + process.exitValue() + "; log:\n" + log());
            }
            if (!management) {
                management = accepts(managementPort);
            }
            if (management && dnsAnswers()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(BINARY + " did not answer within " + START_TIMEOUT + "; log:\n" + log());
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean dnsAnswers() {
        try {
            SimpleResolver r = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), dnsPort));
            r.setTimeout(Duration.ofMillis(300));
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString("ready.test."), Type.A, DClass.IN)));
            return m.getSection(org.xbill.DNS.Section.ANSWER).size() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String fqdn(String host) {
        return host.endsWith(".") ? host : host + ".";
    }

    private static String locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File candidate = new File(dir, BINARY);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        throw new IllegalStateException(BINARY + " is not on the PATH. Install Debian's pebble package "
                + "(apt-get install -y pebble), or run ./scripts/test.sh, which does.");
    }

    private static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free for both TCP and UDP on 127.0.0.1 (DNS listens on both). */
    private static int freeUdpAndTcpPort() {
        for (int i = 0; i < 20; i++) {
            int port = freeTcpPort();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no port free for both TCP and UDP on 127.0.0.1");
    }
}

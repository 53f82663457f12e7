package dev.vodcert.testing;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Debian's {@code pebble-challtestsrv} as a real DNS server for tests, bound to 127.0.0.1 on free
 * ports (DNS on UDP and TCP, management over HTTP; the HTTP-01, HTTPS-01 and TLS-ALPN-01 servers
 * off). Names it has no data for answer NOERROR with no records; {@link #setCname},
 * {@link #clearCname}, {@link #setServfail} and {@link #clearServfail} drive the management API.
 * Start waits (bounded) for the management port; close kills the process.
 */
public final class DnsTestServer implements AutoCloseable {
    private static final String BINARY = "/usr/bin/pebble-challtestsrv";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int dnsPort;
    private final int managementPort;

    public DnsTestServer() {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's pebble package "
                    + "(scripts/test.sh does it)");
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int dns = freeUdpAndTcpPort();
            int management = freeTcpPort();
            Process p = start(dns, management);
            if (awaitListening(p, management)) {
                this.process = p;
                this.dnsPort = dns;
                this.managementPort = management;
                return;
            }
            p.destroyForcibly();
            last = new IllegalStateException("pebble-challtestsrv did not start on ports " + dns + "/" + management);
        }
        throw last;
    }

    /** {@code 127.0.0.1:port} of the DNS server, as vodcert's {@code --dns-resolver} takes it. */
    public String resolver() {
        return "127.0.0.1:" + dnsPort;
    }

    public void setCname(String host, String target) {
        post("/set-cname", "{\"host\":\"" + fqdn(host) + "\",\"target\":\"" + fqdn(target) + "\"}");
    }

    public void clearCname(String host) {
        post("/clear-cname", "{\"host\":\"" + fqdn(host) + "\"}");
    }

    public void setServfail(String host) {
        post("/set-servfail", "{\"host\":\"" + fqdn(host) + "\"}");
    }

    public void clearServfail(String host) {
        post("/clear-servfail", "{\"host\":\"" + fqdn(host) + "\"}");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String fqdn(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

    private void post(String path, String json) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + path)).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process start(int dns, int management) {
        try {
            return new ProcessBuilder(List.of(BINARY, "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
                    "-dns01", "127.0.0.1:" + dns, "-http01", "", "-https01", "", "-tlsalpn01", "",
                    "-management", "127.0.0.1:" + management))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
    }

    /** Polls the management port until it accepts a connection, the process dies, or 10 s pass. */
    private static boolean awaitListening(Process p, int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline) && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1 (DNS serves both). */
    private static int freeUdpAndTcpPort() {
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP");
    }
}

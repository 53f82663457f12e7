package dev.vodcert.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The bounded HTTP/1.0 GET: what it sends, what answers it accepts, and the limits it keeps. */
class OriginFileTest {

    @Test
    void sendsTheDomainAsHostAndReadsTheBody() throws Exception {
        AtomicReference<String> request = new AtomicReference<>();
        try (Origin origin = new Origin("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello, and more", request)) {
            OriginFile.Response r = new OriginFile(origin.port(), Duration.ofSeconds(2))
                    .get(InetAddress.getLoopbackAddress(), "www.example.com", "/verification.html");
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(r.tooLarge()).isFalse();
        }
        assertThat(request.get()).startsWith("GET /verification.html HTTP/1.0\r\n")
                .contains("\r\nHost: www.example.com:");
    }

    @Test
    void aBodyOverFourKibIsTooLarge() throws Exception {
        try (Origin origin = new Origin("HTTP/1.0 200 OK\r\n\r\n" + "x".repeat(5000), null)) {
            OriginFile.Response r = new OriginFile(origin.port(), Duration.ofSeconds(2))
                    .get(InetAddress.getLoopbackAddress(), "a.example.com", "/verification.html");
            assertThat(r.tooLarge()).isTrue();
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void answersThatAreNotPlainHttpAreRefused() throws Exception {
        for (String answer : new String[] {"SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello",
                "HTTP/1.1 200 OK\r\n" + "X: y\r\n".repeat(2000) + "\r\n", "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"}) {
            try (Origin origin = new Origin(answer, null)) {
                assertThatThrownBy(() -> new OriginFile(origin.port(), Duration.ofSeconds(2))
                        .get(InetAddress.getLoopbackAddress(), "a.example.com", "/verification.html"))
                        .as(answer.substring(0, 15)).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void aSilentOriginTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new OriginFile(silent.getLocalPort(), Duration.ofMillis(300))
                    .get(InetAddress.getLoopbackAddress(), "a.example.com", "/verification.html"))
                    .isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    /** A one-shot TCP server that reads the request head and writes a canned answer. */
    private static final class Origin implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        Origin(String answer, AtomicReference<String> request) throws IOException {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    InputStream in = s.getInputStream();
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().endsWith("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        head.append((char) b);
                    }
                    if (request != null) {
                        request.set(head.toString());
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException ignored) {
                    // the client went away
                }
            });
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }
}

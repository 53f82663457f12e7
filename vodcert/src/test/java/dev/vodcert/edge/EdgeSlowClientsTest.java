package dev.vodcert.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.http.ClientLimits;
import dev.vodcert.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edge holds its clients to the same limits as the API's listener: a slow head costs a connection. */
class EdgeSlowClientsTest {

    @Test
    void aSlowHeadIsClosedAtItsDeadlineAndOneClientHoldsAtMostItsConnections() throws Exception {
        try (TestServer server = new TestServer()) {
            KeyCipher cipher = new KeyCipher(KeyCipher.loadOrCreateMasterKey(server.dataDir(), null));
            EdgeConfig config = EdgeFixture.testConfig()
                    .withClients(new ClientLimits(5, Duration.ofMillis(800), Duration.ofSeconds(10)));
            try (EdgeFixture edge = new EdgeFixture(server, cipher, config)) {
                List<Socket> sockets = new ArrayList<>();
                try {
                    for (int i = 0; i < 8; i++) {
                        sockets.add(connect(edge.http()));
                    }
                    Thread.sleep(300);
                    assertThat(open(sockets)).as("connections over the per-client limit are closed").isEqualTo(5);
                    Socket slow = sockets.get(0);
                    slow.getOutputStream().write("GET / HTTP/1.1\r\nHost: slow.example.com\r\nX-Slow: "
                            .getBytes(StandardCharsets.US_ASCII));
                    long start = System.nanoTime();
                    while (open(List.of(slow)) == 1 && System.nanoTime() - start < Duration.ofSeconds(4).toNanos()) {
                        try {
                            slow.getOutputStream().write('a');
                        } catch (IOException closed) {
                            break;
                        }
                        Thread.sleep(200);
                    }
                    assertThat(open(List.of(slow))).as("a head trickling past its deadline is closed").isZero();
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
                } finally {
                    for (Socket s : sockets) {
                        s.close();
                    }
                }
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.setSoTimeout(1);
        return s;
    }

    private static int open(List<Socket> sockets) {
        int open = 0;
        for (Socket s : sockets) {
            try {
                InputStream in = s.getInputStream();
                if (in.read() >= 0) {
                    continue;
                }
            } catch (SocketTimeoutException waiting) {
                open++;
            } catch (IOException closed) {
                // closed by the edge
            }
        }
        return open;
    }
}

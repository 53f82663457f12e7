package dev.vodcert.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The load of the edge benchmark, the same for every server measured: full TLS handshakes with a
 * server name (each session invalidated, so none is resumed), and HTTP/1.1 keep-alive GETs over
 * TLS on a fixed number of connections. Counts only complete, successful work.
 */
final class EdgeLoad {
    private final SSLContext context;
    private final String name;

    EdgeLoad(String name) throws GeneralSecurityException {
        this.name = name;
        this.context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
    }

    /** Full handshakes per second on {@code threads} threads for {@code seconds}; failures counted apart. */
    double[] handshakes(int port, int threads, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        run(threads, () -> {
            while (System.nanoTime() < deadline) {
                try (SSLSocket s = open(port)) {
                    s.getSession().invalidate();
                    done.incrementAndGet();
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            }
        });
        return new double[] {done.get() / (double) seconds, failed.get()};
    }

    /** Keep-alive GETs per second on {@code connections} connections for {@code seconds}. */
    double[] requests(int port, int connections, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        byte[] request = ("GET /video/segment.ts HTTP/1.1\r\nHost: " + name + "\r\nUser-Agent: vodcert-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        run(connections, () -> {
            while (System.nanoTime() < deadline) {
                try (SSLSocket s = open(port)) {
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
                    while (System.nanoTime() < deadline) {
                        out.write(request);
                        out.flush();
                        if (readAnswer(in) == 200) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            }
        });
        return new double[] {done.get() / (double) seconds, failed.get()};
    }

    private SSLSocket open(int port) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(30_000);
        s.setTcpNoDelay(true);
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(List.of(new SNIHostName(name)));
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    /** Reads one answer with a Content-Length; its status. */
    private static int readAnswer(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int status = -1;
        long length = -1;
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.length() == 0) {
                break;
            }
            if (status < 0) {
                status = Integer.parseInt(line.substring(9, 12));
            } else if (line.toString().regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length");
        }
        in.skipNBytes(length);
        return status;
    }

    private static void run(int threads, Runnable work) throws InterruptedException {
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(work, "load-" + i);
            all.add(t);
            t.start();
        }
        for (Thread t : all) {
            t.join();
        }
    }
}

package dev.vodcert.bench;

import dev.vodcert.protocol.PercentEncoder;
import dev.vodcert.protocol.SignatureV1;
import dev.vodcert.protocol.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The edge benchmark: vodcert's built-in edge against Debian's nginx, the same certificate (RSA
 * 2048) and the same nginx origin, in one run, alternating round by round. Two figures each: full
 * TLS handshakes per second with SNI, and keep-alive HTTPS requests per second proxied to the
 * origin. The vodcert node runs as {@code java -jar vodcert.jar serve --edge-https-port ...} with a
 * flight recording; the top frames of its CPU samples are printed after the figures.
 *
 * <p>{@code java -cp ... dev.vodcert.bench.edge.EdgeBench [--seconds 10]
 * [--rounds 3] [--threads 4] [--connections 32] [--nginx-workers 2]}
 */
public final class EdgeBench {
    private static final String KEY_ID = "benchEdgeKeyId";
    private static final String SECRET = "benchEdgeSecret-" + UUID.randomUUID();
    /** Covered by {@link BenchCertificate}'s wildcard. */
    private static final String NAME = "edge." + Seeder.ZONE;

    private EdgeBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path jar = Path.of(o.getOrDefault("--jar", "target/vodcert.jar"));
        int seconds = Integer.parseInt(o.getOrDefault("--seconds", "10"));
        int rounds = Integer.parseInt(o.getOrDefault("--rounds", "3"));
        int threads = Integer.parseInt(o.getOrDefault("--threads", "4"));
        int connections = Integer.parseInt(o.getOrDefault("--connections", "32"));
        int workers = Integer.parseInt(o.getOrDefault("--nginx-workers", "2"));
        Path work = Path.of("bench/target/edge-work").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        BenchCertificate cert = BenchCertificate.issue();
        Path chain = Files.writeString(work.resolve("chain.pem"), cert.chainPem());
        Path key = Files.writeString(work.resolve("key.pem"), cert.privateKeyPem());

        int originPort = freePort();
        int nginxPort = freePort();
        int apiPort = freePort();
        int edgePort = freePort();
        Path jfr = work.resolve("edge.jfr");
        try (EdgeNginx origin = EdgeNginx.origin(work.resolve("origin"), originPort, 1024);
             EdgeNginx nginx = EdgeNginx.edge(work.resolve("nginx"), nginxPort, chain, key, originPort, workers);
             Vodcert vodcert = Vodcert.start(jar, work.resolve("vodcert"), apiPort, edgePort, jfr)) {
            call(apiPort, "AddVodDomain", Map.of("DomainName", NAME, "Sources",
                    "[{\"content\":\"127.0.0.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":" + originPort + "}]"));
            call(apiPort, "SetVodDomainCertificate", Map.of("DomainName", NAME, "SSLProtocol", "on",
                    "SSLPub", cert.chainPem(), "SSLPri", cert.privateKeyPem()));
            EdgeLoad load = new EdgeLoad(NAME);
            System.out.printf("edge benchmark: %d s per figure, %d rounds, %d handshake threads, %d connections, "
                    + "nginx %d workers, %d cores%n", seconds, rounds, threads, connections, workers,
                    Runtime.getRuntime().availableProcessors());
            load.handshakes(edgePort, threads, 5); // warm-up of both
            load.requests(edgePort, connections, 5);
            load.handshakes(nginxPort, threads, 2);
            load.requests(nginxPort, connections, 2);
            List<double[]> rows = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                double[] eh = load.handshakes(edgePort, threads, seconds);
                double[] nh = load.handshakes(nginxPort, threads, seconds);
                double[] er = load.requests(edgePort, connections, seconds);
                double[] nr = load.requests(nginxPort, connections, seconds);
                rows.add(new double[] {eh[0], nh[0], er[0], nr[0]});
                System.out.printf("round %d: handshakes/s edge %.0f (%.0f failed) nginx %.0f (%.0f failed); "
                        + "requests/s edge %.0f (%.0f failed) nginx %.0f (%.0f failed)%n",
                        r, eh[0], eh[1], nh[0], nh[1], er[0], er[1], nr[0], nr[1]);
            }
            double[] m = new double[4];
            for (int i = 0; i < 4; i++) {
                int col = i;
                m[i] = median(rows.stream().mapToDouble(row -> row[col]).toArray());
            }
            System.out.printf("%nmedians | vodcert edge | nginx | edge/nginx%n");
            System.out.printf("full TLS handshakes/s (SNI) | %.0f | %.0f | %.0f%%%n", m[0], m[1], 100 * m[0] / m[1]);
            System.out.printf("keep-alive HTTPS requests/s | %.0f | %.0f | %.0f%%%n", m[2], m[3], 100 * m[2] / m[3]);
            vodcert.dumpRecording(jfr);
        }
        printProfile(jfr);
    }

    /** The top frames of the edge process's CPU samples, and the share of samples in TLS code. */
    private static void printProfile(Path jfr) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> area = new TreeMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            total++;
            RecordedFrame f = frames.get(0);
            top.merge(f.getMethod().getType().getName() + "." + f.getMethod().getName(), 1, Integer::sum);
            area.merge(area(frames), 1, Integer::sum);
        }
        System.out.printf("%nprofile of the edge process: %d CPU samples%n", total);
        int all = total;
        area.forEach((k, v) -> System.out.printf("  %-40s %5.1f%%%n", k, 100.0 * v / all));
        System.out.println("top frames:");
        top.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(15).forEach(en -> System.out.printf("  %5.1f%% %s%n", 100.0 * en.getValue() / all,
                        en.getKey()));
    }

    /** What a sample was doing, by the frames on its stack. */
    private static String area(List<RecordedFrame> frames) {
        boolean tls = false;
        boolean proxy = false;
        boolean store = false;
        for (RecordedFrame f : frames) {
            String t = f.getMethod().getType().getName();
            tls |= t.startsWith("sun.security") || t.startsWith("com.sun.crypto") || t.startsWith("javax.crypto")
                    || t.startsWith("org.eclipse.jetty.io.ssl");
            proxy |= t.startsWith("org.eclipse.jetty.proxy") || t.startsWith("org.eclipse.jetty.client");
            store |= t.startsWith("dev.vodcert.store") || t.startsWith("org.h2");
        }
        String top = frames.get(0).getMethod().getType().getName();
        if (tls) {
            return "TLS (JSSE, JCE, Jetty's SslConnection)";
        }
        if (store) {
            return "store reads";
        }
        if (proxy) {
            return "proxy (Jetty client and proxy)";
        }
        return top.startsWith("org.eclipse.jetty") ? "Jetty server (HTTP, I/O)" : "other";
    }

    static void waitForPort(int port, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("process exited with " + process.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listens on " + port + " after 120 s");
    }

    /** A signed V1 POST to the API; fails unless it answers 200. */
    private static void call(int port, String action, Map<String, String> params) throws IOException {
        Map<String, String> p = new TreeMap<>(params);
        p.put("Action", action);
        p.put("Version", "2017-03-21");
        p.put("Format", "JSON");
        p.put("AccessKeyId", KEY_ID);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Timestamp", Timestamps.format(Instant.now()));
        p.put("Signature", SignatureV1.sign(SECRET, SignatureV1.stringToSign("POST", p, false)));
        StringBuilder body = new StringBuilder();
        p.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(PercentEncoder.encode(k)).append('=')
                .append(PercentEncoder.encode(v)));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(action + " failed: " + answer);
            }
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        return o;
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The vodcert node: API and edge, with a flight recording. */
    private static final class Vodcert implements AutoCloseable {
        private final Process process;

        private Vodcert(Process process) {
            this.process = process;
        }

        static Vodcert start(Path jar, Path data, int apiPort, int edgePort, Path jfr)
                throws IOException, InterruptedException {
            Files.createDirectories(data);
            ProcessBuilder b = new ProcessBuilder(List.of("java", "-Xmx1g",
                    "-XX:StartFlightRecording=settings=profile,filename=" + jfr, "-jar", jar.toString(), "serve",
                    "--port", String.valueOf(apiPort), "--admin-port", "-1", "--data", data.resolve("data").toString(),
                    "--edge-https-port", String.valueOf(edgePort)))
                    .redirectErrorStream(true).redirectOutput(data.resolve("out.txt").toFile());
            b.environment().put("VODCERT_ACCESS_KEY_ID", KEY_ID);
            b.environment().put("VODCERT_ACCESS_KEY_SECRET", SECRET);
            Process p = b.start();
            waitForPort(edgePort, p);
            waitForPort(apiPort, p);
            Thread.sleep(2_000); // the API answers 503 until it is open
            return new Vodcert(p);
        }

        void dumpRecording(Path jfr) throws IOException, InterruptedException {
            Process dump = new ProcessBuilder("jcmd", String.valueOf(process.pid()), "JFR.dump", "filename=" + jfr)
                    .redirectErrorStream(true).start();
            dump.getInputStream().readAllBytes();
            dump.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}

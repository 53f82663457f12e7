package dev.vodcert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's nginx in a folder of its own (prefix, pid, logs, temp paths), in the foreground, for
 * the edge benchmark: the origin both edges proxy to, and the reference edge.
 */
final class EdgeNginx implements AutoCloseable {
    private final Process process;

    private EdgeNginx(Process process) {
        this.process = process;
    }

    /** An origin answering every GET with {@code bodyBytes} bytes of text. */
    static EdgeNginx origin(Path dir, int port, int bodyBytes) throws IOException, InterruptedException {
        String server = "server { listen 127.0.0.1:" + port + "; keepalive_requests 1000000; access_log off;\n"
                + "  location / { default_type text/plain; return 200 \"" + "x".repeat(bodyBytes) + "\"; } }\n";
        return start(dir, 1, server, port);
    }

    /** An HTTPS edge: {@code chain}/{@code key} for every name, proxying to the origin with keep-alive. */
    static EdgeNginx edge(Path dir, int port, Path chain, Path key, int originPort, int workers)
            throws IOException, InterruptedException {
        String server = "upstream origin { server 127.0.0.1:" + originPort + "; keepalive 256; }\n"
                + "server { listen 127.0.0.1:" + port + " ssl; access_log off; keepalive_requests 1000000;\n"
                + "  ssl_certificate " + chain + "; ssl_certificate_key " + key + ";\n"
                + "  ssl_session_cache off; ssl_session_tickets off;\n"
                + "  location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection \"\";"
                + " proxy_set_header Host $host; } }\n";
        return start(dir, workers, server, port);
    }

    private static EdgeNginx start(Path dir, int workers, String server, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("logs"));
        String conf = "worker_processes " + workers + ";\npid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("logs/error.log") + " warn;\n"
                + "events { worker_connections 4096; }\n"
                + "http { client_body_temp_path " + dir + "/cb; proxy_temp_path " + dir + "/px; fastcgi_temp_path "
                + dir + "/fc; uwsgi_temp_path " + dir + "/uw; scgi_temp_path " + dir + "/sc;\n" + server + "}\n";
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process p = new ProcessBuilder(List.of("nginx", "-p", dir.toString(), "-c", file.toString(), "-g",
                "daemon off;")).redirectErrorStream(true).redirectOutput(dir.resolve("logs/out.txt").toFile()).start();
        EdgeBench.waitForPort(port, p);
        return new EdgeNginx(p);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}

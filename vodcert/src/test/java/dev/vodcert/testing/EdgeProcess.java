package dev.vodcert.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real nginx or HAProxy from Debian's packages, as a foreground child process on a free
 * 127.0.0.1 port, with its configuration, pid file and temporary files in a test's folder, serving
 * HTTPS with the files {@code vodcert certs sync} wrote into {@code certs}: nginx through the
 * sync's map ({@code ssl_certificate certs/$vodcert_certificate.pem}), HAProxy through its crt-list
 * with {@code strict-sni}. Both are configured as the README shows. {@link #reloadCommand()} is
 * what the sync's {@code --reload} runs. Run as root, nginx's workers are {@code nobody}, so the
 * sync must give them the files ({@code --owner nobody}) as it would {@code www-data}.
 */
public final class EdgeProcess implements AutoCloseable {
    /** The user nginx's workers run as when the tests run as root. */
    public static final String NGINX_WORKER_USER = "nobody";

    private final TestProcess process;
    private final int port;
    private final String reload;

    private EdgeProcess(TestProcess process, int port, String reload) {
        this.process = process;
        this.port = port;
        this.reload = reload;
    }

    /** Whether this JVM runs as root (then nginx's workers drop to {@link #NGINX_WORKER_USER}). */
    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** nginx on a free port; {@code certs} must already hold the sync's map. */
    public static EdgeProcess nginx(Path work, Path certs) {
        String nginx = TestProcess.require("nginx", "nginx-light");
        int port = freePort();
        String w = work.toAbsolutePath().toString();
        String c = certs.toAbsolutePath().toString();
        String conf = "daemon off;\nworker_processes 1;\npid " + w + "/nginx.pid;\nerror_log stderr notice;\n"
                + (runningAsRoot() ? "user " + NGINX_WORKER_USER + " nogroup;\n" : "")
                + "events { worker_connections 64; }\n"
                + "http {\n  access_log off;\n"
                + "  client_body_temp_path " + w + "/tmp; proxy_temp_path " + w + "/tmp; fastcgi_temp_path " + w
                + "/tmp; uwsgi_temp_path " + w + "/tmp; scgi_temp_path " + w + "/tmp;\n"
                + "  include " + c + "/nginx-map.conf;\n"
                + "  server {\n    listen 127.0.0.1:" + port + " ssl http2;\n"
                + "    ssl_certificate     " + c + "/$vodcert_certificate.pem;\n"
                + "    ssl_certificate_key " + c + "/$vodcert_certificate.pem;\n"
                + "    return 200 \"ok\\n\";\n  }\n}\n";
        Path file = write(work, "nginx.conf", conf);
        try {
            Files.createDirectories(work.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(nginx, "-p", w, "-e", "stderr", "-c", file.toString());
        return new EdgeProcess(TestProcess.start("nginx", command, Map.of(), work, "start worker process", port),
                port, String.join(" ", command) + " -s reload");
    }

    /** HAProxy (master-worker, foreground) on a free port; {@code certs} must already hold the crt-list. */
    public static EdgeProcess haproxy(Path work, Path certs) {
        String haproxy = TestProcess.require("haproxy", "haproxy");
        int port = freePort();
        String conf = "global\n  log stderr format short local0 notice\n"
                + "defaults\n  mode http\n  timeout connect 2s\n  timeout client 10s\n  timeout server 10s\n"
                + "frontend edge\n  bind 127.0.0.1:" + port + " ssl crt-list " + certs.toAbsolutePath()
                + "/haproxy.crt-list strict-sni alpn h2,http/1.1\n"
                + "  http-request return status 200 content-type text/plain string ok\n";
        Path file = write(work, "haproxy.cfg", conf);
        Path pid = work.toAbsolutePath().resolve("haproxy.pid");
        List<String> command = List.of(haproxy, "-W", "-db", "-f", file.toString(), "-p", pid.toString());
        return new EdgeProcess(TestProcess.start("haproxy", command, Map.of(), work, "Loading success", port),
                port, "kill -USR2 $(cat " + pid + ")");
    }

    public int port() {
        return port;
    }

    /** The shell command that makes the running server read its certificates again. */
    public String reloadCommand() {
        return reload;
    }

    /** What the server logged so far. */
    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }

    private static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

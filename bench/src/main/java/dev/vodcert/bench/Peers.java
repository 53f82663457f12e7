package dev.vodcert.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The servers vodcert is measured beside, each a child process on 127.0.0.1 answering the same
 * signed describe requests with one constant JSON body of the mean size of vodcert's answers:
 * Debian's nginx ({@code return 200}: the practical limit of an HTTP/1.1 answer on this machine),
 * WireMock standalone (a canned stub matched on the describe request's {@code Action}: what teams
 * write instead of an emulator) and {@link Baseline} (vodcert's own HTTP stack doing no work).
 */
final class Peers {
    static final String NGINX = "/usr/sbin/nginx";

    private Peers() {
    }

    /** Debian's nginx as a child (no daemon), its configuration, logs and temporary files in {@code dir}. */
    static ServerProcess nginx(Path folder, byte[] body, Supplier<byte[]> probe) throws IOException, InterruptedException {
        Path dir = folder.toAbsolutePath();
        Files.createDirectories(dir.resolve("logs"));
        int port = ServerProcess.freePort();
        String conf = """
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    keepalive_requests 100000000;
                    keepalive_timeout 300s;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            default_type "application/json;charset=utf-8";
                            return 200 '%3$s';
                        }
                    }
                }
                """.formatted(dir, port, new String(body, StandardCharsets.US_ASCII));
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        List<String> command = List.of(NGINX, "-p", dir.toString(), "-e", dir.resolve("logs/error.log").toString(),
                "-c", file.toString(), "-g", "daemon off;");
        return ServerProcess.start(command, Map.of(), dir.resolve("nginx.out"), port, probe, 200);
    }

    /**
     * WireMock standalone in its own JVM, with one stub: a GET whose {@code Action} is
     * {@code DescribeVodDomainCertificateInfo} gets the body. The request journal is off, as a
     * long-running stub server's must be (it would keep every request).
     */
    static ServerProcess wiremock(Path jar, Path folder, byte[] body, Supplier<byte[]> probe)
            throws IOException, InterruptedException {
        Path dir = folder.toAbsolutePath();
        Files.createDirectories(dir.resolve("mappings"));
        Files.createDirectories(dir.resolve("__files"));
        String json = new String(body, StandardCharsets.US_ASCII).replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(dir.resolve("mappings/describe.json"), """
                {"request": {"method": "GET", "urlPath": "/",
                             "queryParameters": {"Action": {"equalTo": "DescribeVodDomainCertificateInfo"}}},
                 "response": {"status": 200, "headers": {"Content-Type": "application/json;charset=utf-8"},
                              "body": "%s"}}
                """.formatted(json));
        int port = ServerProcess.freePort();
        List<String> command = List.of("java", "-jar", jar.toString(), "--port", Integer.toString(port),
                "--bind-address", "127.0.0.1", "--root-dir", dir.toString(), "--no-request-journal",
                "--disable-banner");
        return ServerProcess.start(command, Map.of(), dir.resolve("wiremock.out"), port, probe, 200);
    }
}

package dev.vodcert.edge;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * An origin for the edge tests, on 127.0.0.1: answers every request with
 * {@code origin=<name> host=<Host header> path=<path> xff=<X-Forwarded-For>}; {@code /slow} waits
 * {@code slowMillis} first.
 */
final class TinyOrigin implements AutoCloseable {
    private final HttpServer server;

    TinyOrigin(String name, long slowMillis) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().startsWith("/slow")) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("origin=" + name + " host=" + exchange.getRequestHeaders().getFirst("Host")
                    + " path=" + exchange.getRequestURI() + " xff="
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-For")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The {@code Sources} of a domain served by this origin. */
    String sources() {
        return "[{\"content\":\"127.0.0.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":" + port() + "}]";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

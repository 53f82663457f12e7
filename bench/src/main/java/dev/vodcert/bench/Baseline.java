package dev.vodcert.bench;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.RpcEndpoint;
import dev.vodcert.protocol.RpcRequest;
import dev.vodcert.protocol.RpcResponse;
import dev.vodcert.server.Config;
import dev.vodcert.server.HttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The baseline server: vodcert's own HTTP listener ({@link HttpServer}: Javalin on Jetty, the same
 * settings as {@code serve}) answering every request with one constant JSON body of a given size,
 * doing no other work. The gap between it and the service is what the service's own work costs.
 *
 * <p>{@code java -cp ... dev.vodcert.bench.Baseline PORT BODY_BYTES}
 */
public final class Baseline {
    private Baseline() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        byte[] body = body(Integer.parseInt(args[1]));
        RpcResponse constant = new RpcResponse(200, "application/json;charset=utf-8", body);
        RpcEndpoint endpoint = new RpcEndpoint() {
            @Override
            public RpcResponse handle(RpcRequest request) {
                return constant;
            }

            @Override
            public RpcResponse reject(ApiException error, String host) {
                return constant;
            }
        };
        Config config = Config.defaults(Path.of("unused")).withPort(port);
        HttpServer server = new HttpServer(config.listener(), config.limits(), endpoint, () -> true);
        System.out.println("baseline: listening on " + server.port() + ", " + body.length + "-byte answers");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
    }

    /** A JSON object of exactly {@code size} bytes (at least 20). */
    static byte[] body(int size) {
        String head = "{\"RequestId\":\"";
        String tail = "\"}";
        int fill = Math.max(0, size - head.length() - tail.length());
        return (head + "A".repeat(fill) + tail).getBytes(StandardCharsets.US_ASCII);
    }
}

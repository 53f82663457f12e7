package dev.vodcert.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/**
 * Starts the API listener on its own thread, so that the database opens meanwhile (the two take
 * about as long, and the machine has more than one core). Until the service is open the listener
 * answers through a {@link StartingEndpoint}: requests wait for the start, {@code /ready} says 503.
 */
final class ListenerStart {
    private final CompletableFuture<HttpServer> started = new CompletableFuture<>();
    private final StartingEndpoint endpoint;

    private ListenerStart(StartingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    static ListenerStart begin(Config config, StartingEndpoint endpoint, BooleanSupplier ready) {
        ListenerStart start = new ListenerStart(endpoint);
        LoggerFactory.getILoggerFactory(); // logging set up once, here, not by two threads at the same time
        Thread thread = new Thread(() -> {
            try {
                start.started.complete(new HttpServer(config.listener(), config.limits(), endpoint, ready));
            } catch (Throwable e) {
                start.started.completeExceptionally(e);
            }
        }, "vodcert-listener-start");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    /** The listener once it has started; its failure to start is thrown as it was. */
    HttpServer listener() {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Stops the listener once it has started (the service failed to start in the meantime). */
    void abandon() {
        endpoint.giveUp();
        try {
            started.join().close();
        } catch (CompletionException ignored) {
            // it never started: nothing to close
        }
    }
}

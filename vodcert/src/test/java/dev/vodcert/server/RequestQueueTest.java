package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.protocol.ActionTable;
import dev.vodcert.protocol.Authenticator;
import dev.vodcert.protocol.Credential;
import dev.vodcert.protocol.InMemoryNonceGuard;
import dev.vodcert.protocol.ResponseRenderer;
import dev.vodcert.protocol.RpcPipeline;
import dev.vodcert.protocol.Throttle;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded request queue, made deterministic with an action that holds its request until the
 * test lets it go: a request beyond the queue is refused at once, one that waits too long is refused
 * when its wait is over, both with {@code ServiceUnavailable} (503) in the JSON envelope; health
 * checks bypass the queue; and the server serves normally once the held request completes.
 */
class RequestQueueTest {
    private static final String ID = "queue-key";
    private static final String SECRET = "queue-secret";
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @TempDir
    Path data;

    private SignedClient start(Limits limits) {
        Clock clock = Clock.systemUTC();
        ActionTable actions = new ActionTable()
                .add("2017-03-21", "Hold", call -> {
                    entered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                })
                .add("2017-03-21", "Ping", call -> null);
        RpcPipeline pipeline = new RpcPipeline(actions, new Authenticator(
                id -> id.equals(ID) ? Optional.of(new Credential(ID, SECRET, 1, true)) : Optional.empty(),
                new InMemoryNonceGuard(clock), clock, Duration.ofMinutes(15)), Throttle.NONE,
                new ResponseRenderer("vod"), e -> { throw e; }, clock);
        server = new HttpServer(Config.defaults(data).withPort(0).listener(), limits, pipeline, () -> true);
        return new SignedClient(server.port(), ID, SECRET);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    private CompletableFuture<Answer> holdOneRequest(SignedClient client) throws InterruptedException {
        CompletableFuture<Answer> held = CompletableFuture.supplyAsync(() -> client.call("Hold", Map.of()));
        assertThat(entered.await(20, TimeUnit.SECONDS)).as("the held request reached its action").isTrue();
        return held;
    }

    /**
     * The next request is served once the held one has finished. The held answer can reach the
     * client a moment before the queue frees its place, so a refusal in that moment is retried
     * (for at most 5 s); anything but 200 or that refusal fails at once.
     */
    private static void assertServedAgain(SignedClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Answer a = client.call("Ping", Map.of());
        while (a.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            a = client.call("Ping", Map.of());
        }
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    private static void assertServiceUnavailable(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(503);
        assertThat(a.contentType()).isEqualTo("application/json;charset=utf-8");
        assertThat(a.code()).isEqualTo("ServiceUnavailable");
        assertThat(a.json().path("Message").asText())
                .isEqualTo("The request has failed due to a temporary failure of the server.");
        assertThat(a.json().path("RequestId").asText()).matches("[0-9A-F-]{36}");
    }

    @Test
    void aRequestBeyondTheQueueIsRefusedAtOnce() throws Exception {
        SignedClient client = start(Limits.defaults().withQueue(1, 0, Duration.ofSeconds(30)));
        CompletableFuture<Answer> held = holdOneRequest(client);

        long started = System.nanoTime();
        Answer refused = client.call("Ping", Map.of());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertServiceUnavailable(refused);
        assertThat(millis).as("refused without waiting for the queue's 30 s").isLessThan(5_000);
        assertThat(health(client)).isEqualTo(200);

        release.countDown();
        assertThat(held.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertServedAgain(client);
    }

    @Test
    void aRequestThatWaitsLongerThanTheQueueAllowsIsRefused() throws Exception {
        SignedClient client = start(Limits.defaults().withQueue(1, 4, Duration.ofMillis(300)));
        CompletableFuture<Answer> held = holdOneRequest(client);

        long started = System.nanoTime();
        Answer refused = client.call("Ping", Map.of());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertServiceUnavailable(refused);
        assertThat(millis).as("waited its 300 ms in the queue, then no longer").isBetween(250L, 10_000L);

        release.countDown();
        assertThat(held.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertServedAgain(client);
    }

    private int health(SignedClient client) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}

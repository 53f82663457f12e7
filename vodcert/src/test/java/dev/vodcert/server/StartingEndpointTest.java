package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.ResponseRenderer;
import dev.vodcert.protocol.RpcEndpoint;
import dev.vodcert.protocol.RpcRequest;
import dev.vodcert.protocol.RpcResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * While the service starts, a request waits for it and is then answered by the pipeline; a start
 * that takes longer than the wait, or fails, is answered ServiceUnavailable.
 */
class StartingEndpointTest {
    private final RpcRequest request = new RpcRequest("GET", "/", "Action=X", Map.of("host", "vod.example:8080"),
            new byte[0], "127.0.0.1");
    private final RpcResponse answer = new RpcResponse(200, "application/json", "{}".getBytes());
    private final RpcEndpoint pipeline = new RpcEndpoint() {
        @Override
        public RpcResponse handle(RpcRequest r) {
            return answer;
        }

        @Override
        public RpcResponse reject(ApiException error, String host) {
            return answer;
        }
    };

    @Test
    void aRequestThatArrivesWhileStartingWaitsAndIsAnsweredByThePipeline() throws Exception {
        StartingEndpoint endpoint = new StartingEndpoint(new ResponseRenderer("vod"), Duration.ofSeconds(30));
        CompletableFuture<RpcResponse> early = CompletableFuture.supplyAsync(() -> endpoint.handle(request));
        Thread.sleep(100); // the request is in, the service not yet open
        assertThat(early).as("a request waits while the service starts").isNotDone();
        assertThat(endpoint.isReady()).isFalse();
        endpoint.open(pipeline, () -> true);
        assertThat(early.get(10, TimeUnit.SECONDS)).isSameAs(answer);
    }

    @Test
    void aStartLongerThanTheWaitIsAnsweredServiceUnavailable() throws Exception {
        StartingEndpoint endpoint = new StartingEndpoint(new ResponseRenderer("vod"), Duration.ofMillis(50));
        RpcResponse r = endpoint.handle(request);
        assertThat(r.status()).isEqualTo(503);
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.path("Code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(json.path("Message").asText()).isEqualTo(GatewayErrors.SERVICE_UNAVAILABLE.message());
        assertThat(json.path("HostId").asText()).isEqualTo("vod.example");
        RpcResponse tooLarge = endpoint.reject(GatewayErrors.REQUEST_TOO_LARGE.exception(), "vod.example");
        assertThat(tooLarge.status()).isEqualTo(GatewayErrors.REQUEST_TOO_LARGE.httpStatus());
    }

    @Test
    void aFailedStartRefusesTheWaitingRequestsAtOnce() throws Exception {
        StartingEndpoint endpoint = new StartingEndpoint(new ResponseRenderer("vod"), Duration.ofMinutes(5));
        CompletableFuture<RpcResponse> waiting = CompletableFuture.supplyAsync(() -> endpoint.handle(request));
        endpoint.giveUp();
        assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(503);
    }

    @Test
    void onceOpenEveryRequestGoesToThePipelineAndReadyFollowsTheCheck() {
        StartingEndpoint endpoint = new StartingEndpoint(new ResponseRenderer("vod"));
        AtomicBoolean databaseUp = new AtomicBoolean(true);
        endpoint.open(pipeline, databaseUp::get);
        assertThat(endpoint.isReady()).isTrue();
        assertThat(endpoint.handle(request)).isSameAs(answer);
        assertThat(endpoint.reject(GatewayErrors.REQUEST_TOO_LARGE.exception(), "h")).isSameAs(answer);
        databaseUp.set(false);
        assertThat(endpoint.isReady()).as("ready follows the check given at opening").isFalse();
    }
}

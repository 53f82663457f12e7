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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** While the service starts, its listener answers ServiceUnavailable; once open, the pipeline answers. */
class StartingEndpointTest {
    private final StartingEndpoint endpoint = new StartingEndpoint(new ResponseRenderer("vod"));
    private final RpcRequest request = new RpcRequest("GET", "/", "Action=X", Map.of("host", "vod.example:8080"),
            new byte[0], "127.0.0.1");

    @Test
    void answersServiceUnavailableUntilOpen() throws Exception {
        assertThat(endpoint.isReady()).isFalse();
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
    void handsEveryRequestToThePipelineOnceOpen() {
        java.util.concurrent.atomic.AtomicBoolean databaseUp = new java.util.concurrent.atomic.AtomicBoolean(true);
        RpcResponse answer = new RpcResponse(200, "application/json", "{}".getBytes());
        endpoint.open(new RpcEndpoint() {
            @Override
            public RpcResponse handle(RpcRequest r) {
                return answer;
            }

            @Override
            public RpcResponse reject(ApiException error, String host) {
                return answer;
            }
        }, databaseUp::get);
        assertThat(endpoint.isReady()).isTrue();
        assertThat(endpoint.handle(request)).isSameAs(answer);
        assertThat(endpoint.reject(GatewayErrors.REQUEST_TOO_LARGE.exception(), "h")).isSameAs(answer);
        databaseUp.set(false);
        assertThat(endpoint.isReady()).as("ready follows the check given at opening").isFalse();
    }
}

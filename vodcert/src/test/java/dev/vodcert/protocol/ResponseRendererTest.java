package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * JSON answers are written in one pass, without an intermediate tree: {@code RequestId} first,
 * then the model's properties in order, exactly what the tree (which XML still uses) holds.
 */
class ResponseRendererTest {
    record Item(String name, String empty, String absent) {
    }

    record Items(List<Item> item) {
    }

    record Model(String domainName, Items items, Long count, String nothing) {
    }

    private final ResponseRenderer renderer = new ResponseRenderer("vod");

    @Test
    void jsonIsTheTreeOfRequestIdAndTheModelInOrder() throws Exception {
        Model model = new Model("a.example.com", new Items(List.of(new Item("x\n\"y\"", "", null),
                new Item("\u00e9\u4e2d", "", null))), 42L, null);
        RpcResponse r = renderer.success("Describe", "REQ-1", model, ResponseFormat.JSON);

        ObjectNode expected = renderer.mapper().createObjectNode().put("RequestId", "REQ-1");
        expected.setAll((ObjectNode) renderer.mapper().valueToTree(model));
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(renderer.mapper().writeValueAsString(expected));
        assertThat(text).startsWith("{\"RequestId\":\"REQ-1\",\"DomainName\":\"a.example.com\",\"Items\":{\"Item\":[");
        assertThat(text).doesNotContain("Nothing").doesNotContain("Absent");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json;charset=utf-8");
    }

    @Test
    void aModelOfNothingGivesRequestIdAlone() throws Exception {
        RpcResponse r = renderer.success("Delete", "REQ-2", null, ResponseFormat.JSON);
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.path("RequestId").asText()).isEqualTo("REQ-2");
    }

    @Test
    void requestIdsAreUpperCaseVersion4UuidsAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RpcPipeline.newRequestId();
            assertThat(id).matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
            assertThat(seen.add(id)).isTrue();
        }
    }
}

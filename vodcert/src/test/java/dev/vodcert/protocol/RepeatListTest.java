package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Repeated parameters: order by N, no gaps, N in range and plainly written, known fields only. */
class RepeatListTest {

    @Test
    void entriesComeInOrderOfN() {
        RequestParameters p = params("Tag.2.Key=b&Tag.1.Key=a&Tag.1.Value=x&Tag.10.Key=j&Tag.3.Key=c&Tag.4.Key=d"
                + "&Tag.5.Key=e&Tag.6.Key=f&Tag.7.Key=g&Tag.8.Key=h&Tag.9.Key=i&Other=1");
        List<Map<String, String>> tags = RepeatList.entries(p, "Tag", Set.of("Key", "Value"), 20);
        assertThat(tags).extracting(m -> m.get("Key")).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        assertThat(tags.get(0)).containsEntry("Value", "x");
        assertThat(tags.get(1)).doesNotContainKey("Value");
        assertThat(RepeatList.values(params("ResourceId.1=a&ResourceId.2=b"), "ResourceId", 50)).containsExactly("a", "b");
        assertThat(RepeatList.values(params("Other=1"), "ResourceId", 50)).isEmpty();
    }

    @Test
    void aListIsRefusedWhole() {
        refused("Tag.1.Key=a&Tag.3.Key=c", "\"Tag.2\"");
        refused("Tag.2.Key=a", "\"Tag.1\"");
        refused("Tag.0.Key=a", "\"Tag.0.Key\"");
        refused("Tag.21.Key=a", "\"Tag.21.Key\"");
        refused("Tag.01.Key=a", "\"Tag.01.Key\"");
        refused("Tag.x.Key=a", "\"Tag.x.Key\"");
        refused("Tag.1=a", "\"Tag.1\"");
        refused("Tag.1.Name=a", "\"Tag.1.Name\"");
        refused("Tag.99999999999.Key=a", "\"Tag.99999999999.Key\"");
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> RepeatList.values(params("ResourceId.1.Key=a"), "ResourceId", 50));
        assertThat(e.code()).isEqualTo("InvalidParameter");
    }

    private static void refused(String query, String named) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> RepeatList.entries(params(query), "Tag", Set.of("Key", "Value"), 20));
        assertThat(e).as(query).isNotNull();
        assertThat(e.code()).isEqualTo("InvalidParameter");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains(named);
    }

    private static RequestParameters params(String query) {
        return RequestParameters.read(new RpcRequest("GET", "/", query, Map.of(), new byte[0], "127.0.0.1"));
    }
}

package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vodcert.testing.FuzzBudget;
import dev.vodcert.testing.FuzzInput;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the parameter reader (FormDecoder and RequestParameters) with any query string, body and
 * Content-Type: only {@code InvalidParameter} may escape, the parameter limit holds, the query's
 * names are all kept, and every decoded pair survives re-encoding (the property both signature
 * algorithms rely on). Input: control byte (bit 0: GET, bit 1: form Content-Type), then query,
 * body, Content-Type. Seeds: {@code RequestParametersFuzzTestInputs/read}.
 */
class RequestParametersFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void read(byte[] data) throws Throwable {
        FuzzBudget.run(() -> check(data));
    }

    private static void check(byte[] data) {
        FuzzInput in = FuzzInput.of(data);
        String method = in.flag(0) ? "GET" : "POST";
        String query = in.text();
        byte[] body = in.bytes();
        String contentType = in.flag(1) ? "application/x-www-form-urlencoded" : in.text();
        RpcRequest request = new RpcRequest(method, "/", query, Map.of("content-type", contentType), body, "127.0.0.1");
        try {
            RequestParameters params = RequestParameters.read(request);
            assertThat(params.all().size()).isLessThanOrEqualTo(RequestParameters.MAX_PARAMETERS);
            assertThat(params.all().keySet()).containsAll(params.query().keySet());
            for (Map.Entry<String, String> e : params.all().entrySet()) {
                String encoded = PercentEncoder.encode(e.getKey()) + "=" + PercentEncoder.encode(e.getValue());
                assertThat(FormDecoder.decode(encoded)).containsExactly(new FormDecoder.Pair(e.getKey(), e.getValue()));
            }
        } catch (ApiException refused) {
            assertThat(refused.code()).isEqualTo("InvalidParameter");
            assertThat(refused.httpStatus()).isEqualTo(400);
        }
        try {
            List<FormDecoder.Pair> pairs = FormDecoder.decode(query);
            assertThat(pairs).allSatisfy(p -> assertThat(p.name()).isNotEmpty());
        } catch (ApiException refused) {
            assertThat(refused.code()).isEqualTo("InvalidParameter");
        }
    }
}

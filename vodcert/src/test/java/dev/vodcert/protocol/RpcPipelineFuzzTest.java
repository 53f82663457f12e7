package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.vodcert.testing.FuzzBudget;
import dev.vodcert.testing.FuzzInput;
import dev.vodcert.testing.ReferenceSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes a whole request through the pipeline (method, parameters, headers, format, an action that
 * echoes every value back): the answer is never a 5xx, always carries a Content-Type the SDKs read,
 * and its body is well-formed JSON or XML, whatever characters the values hold. Control byte: bit 0
 * GET, bit 1 sign with the right secret, bit 2 parameters in a form body, bit 3 Format=XML. Fields:
 * method override, x-acs-action header, then name, value pairs.
 */
class RpcPipelineFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XmlMapper XML = new XmlMapper();

    /** The echo action's answer: every parameter value, under fixed names. */
    record Echo(List<String> values, String first) {
    }

    private static final RpcPipeline PIPELINE = new RpcPipeline(
            new ActionTable().add("2017-03-21", "Echo", call -> new Echo(List.copyOf(call.params().all().values()),
                    call.optional("Value"))),
            new Authenticator(FuzzAuth.KEYS, (id, nonce, until) -> true, FuzzAuth.CLOCK, java.time.Duration.ofMinutes(15)),
            Throttle.NONE, new ResponseRenderer("vod"),
            e -> GatewayErrors.INTERNAL_ERROR.exception(), FuzzAuth.CLOCK);

    @FuzzTest(maxDuration = "10s")
    void handle(byte[] data) throws Throwable {
        FuzzBudget.run(() -> check(data));
    }

    private static void check(byte[] data) throws IOException {
        FuzzInput in = FuzzInput.of(data);
        String method = in.textOr(in.flag(0) ? "GET" : "POST");
        String headerAction = in.text();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "Echo");
        params.put("Version", "2017-03-21");
        params.put("AccessKeyId", FuzzAuth.KEY_ID);
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", "nonce-4");
        params.put("Timestamp", FuzzAuth.NOW_TEXT);
        params.put("Format", in.flag(3) ? "XML" : "JSON");
        while (in.hasMore()) {
            String name = in.text();
            String value = in.text();
            if (!name.isEmpty()) {
                params.put(name, value);
            }
        }
        if (in.flag(1)) {
            params.put("Signature", ReferenceSigner.v1(method, params, FuzzAuth.SECRET, false));
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "127.0.0.1:8080");
        if (!headerAction.isEmpty()) {
            headers.put("x-acs-action", headerAction);
        }
        String encoded = FuzzAuth.encode(params);
        boolean inBody = in.flag(2);
        if (inBody) {
            headers.put("content-type", "application/x-www-form-urlencoded");
        }
        RpcResponse response = PIPELINE.handle(new RpcRequest(method, "/", inBody ? "" : encoded, headers,
                inBody ? encoded.getBytes(StandardCharsets.UTF_8) : new byte[0], "127.0.0.1"));
        assertThat(response.status()).isLessThan(500);
        assertThat(response.contentType()).isIn(ResponseFormat.JSON.contentType(), ResponseFormat.XML.contentType());
        if (response.contentType().equals(ResponseFormat.JSON.contentType())) {
            assertThat(JSON.readTree(response.body()).path("RequestId").asText()).isNotEmpty();
        } else {
            assertThat(XML.readTree(response.body()).path("RequestId").asText()).isNotEmpty();
        }
    }
}

package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.vodcert.testing.TestServer;
import dev.vodcert.testing.Transcript;
import java.util.List;
import java.util.Map;

/**
 * The generic {@code tea-openapi} 0.3.15 client pointed at a {@link TestServer} (spec §6): RPC
 * style, POST {@code /}, business parameters in the query, ACS3-HMAC-SHA256 by default or HMAC-SHA1
 * with {@code Config.setSignatureAlgorithm("v2")}. Answers are the raw body maps, so fields the V1
 * model lacks can be read.
 */
final class Tea {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Client client;

    private Tea(Client client) {
        this.client = client;
    }

    /** ACS3-HMAC-SHA256, the default of {@code callApi}. */
    static Tea v3(TestServer server, String accessKeyId, String secret) throws Exception {
        return new Tea(new Client(config(server, accessKeyId, secret)));
    }

    /** HMAC-SHA1 through tea's {@code doRPCRequest}. */
    static Tea v2(TestServer server, String accessKeyId, String secret) throws Exception {
        return new Tea(new Client(config(server, accessKeyId, secret).setSignatureAlgorithm("v2")));
    }

    private static Config config(TestServer server, String accessKeyId, String secret) {
        return new Config().setAccessKeyId(accessKeyId).setAccessKeySecret(secret).setEndpoint(server.endpoint())
                .setProtocol("http");
    }

    private static Params params(String action) {
        return new Params().setAction(action).setVersion("2017-03-21").setProtocol("HTTP").setMethod("POST")
                .setAuthType("AK").setStyle("RPC").setPathname("/").setReqBodyType("formData").setBodyType("json");
    }

    /** The whole answer: {@code body}, {@code headers}, {@code statusCode}. */
    Map<String, ?> response(String action, Map<String, String> query) throws Exception {
        try {
            Map<String, ?> response = client.callApi(params(action), new OpenApiRequest().setQuery(query),
                    new RuntimeOptions());
            Transcript.response(JSON.writeValueAsString(response.get("body")));
            return response;
        } catch (TeaException e) {
            Transcript.response(e.getMessage() + " " + JSON.writeValueAsString(e.getData()));
            throw e;
        }
    }

    /** The body of a successful answer, after checking its status and RequestId. */
    Map<String, Object> call(String action, Map<String, String> query) throws Exception {
        Map<String, ?> response = response(action, query);
        assertThat(response.get("statusCode")).isEqualTo(200);
        Map<String, Object> body = map(response.get("body"));
        assertThat((String) body.get("RequestId")).matches(Sdk.REQUEST_ID);
        return body;
    }

    /** The TeaException a failing call throws. */
    TeaException failure(String action, Map<String, String> query) {
        TeaException e = catchThrowableOfType(TeaException.class, () -> response(action, query));
        assertThat(e).as("the call should have failed").isNotNull();
        return e;
    }

    /** The single CertInfo of {@code DescribeVodDomainCertificateInfo}'s body ({@code CertInfos.CertInfo[0]}). */
    static Map<String, Object> onlyCertInfo(Map<String, Object> body) {
        List<Object> list = list(map(body.get("CertInfos")).get("CertInfo"));
        assertThat(list).hasSize(1);
        return map(list.get(0));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}

package dev.vodcert.testing;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import java.util.Map;

/**
 * The official generic client ({@code tea-openapi}, ACS3-HMAC-SHA256 by default) calling a VOD
 * action by name, for actions the V1 SDK has no model for. Parameters go in the query, repeated
 * ones already flattened ({@code ResourceId.1}).
 */
public final class TeaGenericClient {
    private final Client client;
    private final String version;

    public TeaGenericClient(String endpoint, String accessKeyId, String accessKeySecret) {
        this(endpoint, accessKeyId, accessKeySecret, "2017-03-21");
    }

    /** A client for the actions of another API version on the same endpoint (e.g. {@code 2020-04-07}). */
    public TeaGenericClient(String endpoint, String accessKeyId, String accessKeySecret, String version) {
        this.version = version;
        try {
            client = new Client(new Config().setAccessKeyId(accessKeyId).setAccessKeySecret(accessKeySecret)
                    .setEndpoint(endpoint).setProtocol("http"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal as the client reports it. */
    public record Failure(int status, String code, String message) {
    }

    /** The parsed answer ({@code body}, {@code statusCode}, {@code headers}); any error fails the test. */
    public Map<String, ?> call(String action, Map<String, String> query) {
        try {
            return client.callApi(params(action), new OpenApiRequest().setQuery(query), new RuntimeOptions());
        } catch (Exception e) {
            throw new AssertionError(action + " failed: " + e.getMessage(), e);
        }
    }

    /** Calls an action that must be refused and returns the refusal. */
    public Failure fail(String action, Map<String, String> query) {
        try {
            Map<String, ?> answer = client.callApi(params(action), new OpenApiRequest().setQuery(query),
                    new RuntimeOptions());
            throw new AssertionError(action + " was accepted: " + answer);
        } catch (TeaException e) {
            return new Failure(e.getStatusCode() == null ? -1 : e.getStatusCode(), e.getCode(),
                    String.valueOf(e.getData() == null ? null : e.getData().get("Message")));
        } catch (Exception e) {
            throw new AssertionError(action + ": not an API error: " + e, e);
        }
    }

    private Params params(String action) {
        return new Params().setAction(action).setVersion(version).setProtocol("HTTP").setPathname("/")
                .setMethod("POST").setAuthType("AK").setStyle("RPC").setReqBodyType("formData").setBodyType("json");
    }
}

package dev.vodcert.testing;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The official V1 SDK ({@code aliyun-java-sdk-core} + {@code aliyun-java-sdk-vod} request models)
 * pointed at a test server: {@link #call} returns the SDK's own parsed response; {@link #fail}
 * returns the HTTP status, Code and Message of a refusal, after checking that the SDK itself
 * raises it as an exception carrying the same Code.
 */
public final class V1Client {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DefaultAcsClient client;
    private final String endpoint;

    public V1Client(String endpoint, String accessKeyId, String accessKeySecret) {
        this.client = new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", accessKeyId, accessKeySecret));
        this.endpoint = endpoint;
    }

    /** A refusal as it came over the wire. */
    public record Failure(int status, String code, String message) {
    }

    /** Sends the request and returns the SDK's parsed answer; any error fails the test. */
    public <T extends AcsResponse> T call(AcsRequest<T> request) {
        aim(request);
        try {
            return client.getAcsResponse(request);
        } catch (ClientException e) {
            throw new AssertionError("SDK call failed: " + e.getErrCode() + " " + e.getErrMsg(), e);
        }
    }

    /** Sends a request that must be refused and returns the refusal. */
    public Failure fail(AcsRequest<?> request) {
        aim(request);
        Failure failure;
        try {
            HttpResponse raw = client.doAction(request);
            JsonNode body = JSON.readTree(new String(raw.getHttpContent(), StandardCharsets.UTF_8));
            failure = new Failure(raw.getStatus(), body.path("Code").asText(null), body.path("Message").asText(null));
        } catch (ClientException | IOException e) {
            throw new AssertionError("no answer: " + e, e);
        }
        try {
            client.getAcsResponse(request);
            throw new AssertionError("the SDK accepted a request the server refused: " + failure);
        } catch (ServerException e) {
            checkSame(failure, e.getErrCode());
        } catch (ClientException e) {
            checkSame(failure, e.getErrCode());
        }
        return failure;
    }

    private static void checkSame(Failure failure, String sdkCode) {
        if (!sdkCode.equals(failure.code())) {
            throw new AssertionError("the SDK reports " + sdkCode + ", the wire said " + failure);
        }
    }

    private void aim(AcsRequest<?> request) {
        request.setSysEndpoint(endpoint);
        request.setSysProtocol(ProtocolType.HTTP);
        if (request.getSysAcceptFormat() == null) {
            request.setSysAcceptFormat(FormatType.JSON);
        }
    }
}

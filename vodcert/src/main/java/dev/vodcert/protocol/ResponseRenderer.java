package dev.vodcert.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Renders answers once, for every action: a response model (a plain record, its components named
 * in camelCase and written in UpperCamelCase unless annotated) with {@code RequestId} first, as JSON
 * in raw UTF-8 or as XML under {@code <ActionResponse>}; and the error envelope
 * ({@code RequestId, HostId, Code, Message, Recommend}), as JSON or under {@code <Error>}.
 */
public final class ResponseRenderer {
    private final ObjectMapper mapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final String product;

    /** @param product the product name as the diagnosis link spells it, e.g. {@code vod} */
    public ResponseRenderer(String product) {
        this.product = product;
    }

    /** A JSON answer: {@code RequestId}, then the model's own properties, written in one pass. */
    private record Envelope(String requestId, @JsonUnwrapped Object model) {
    }

    public RpcResponse success(String action, String requestId, Object model, ResponseFormat format) {
        if (format == ResponseFormat.JSON) {
            return new RpcResponse(200, format.contentType(), json(new Envelope(requestId, model)));
        }
        ObjectNode root = mapper.createObjectNode();
        root.put("RequestId", requestId);
        if (model != null) {
            root.setAll((ObjectNode) mapper.valueToTree(model));
        }
        return new RpcResponse(200, format.contentType(), bytes(action + "Response", root, format));
    }

    public RpcResponse error(ApiException error, String requestId, String hostId, ResponseFormat format) {
        ObjectNode root = mapper.createObjectNode();
        root.put("RequestId", requestId);
        root.put("HostId", hostId);
        root.put("Code", error.code());
        root.put("Message", error.getMessage());
        root.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + PercentEncoder.encode(error.code())
                + "&product=" + product + "&requestId=" + requestId);
        return new RpcResponse(error.httpStatus(), format.contentType(), bytes("Error", root, format));
    }

    private byte[] bytes(String xmlRoot, ObjectNode root, ResponseFormat format) {
        if (format == ResponseFormat.XML) {
            return XmlWriter.write(xmlRoot, root, "Recommend");
        }
        return json(root);
    }

    private byte[] json(Object value) {
        RenderBuffer buffer = RenderBuffer.of();
        try {
            mapper.writeValue(buffer, value);
            return buffer.take();
        } catch (IOException e) {
            buffer.take();
            throw new IllegalStateException("JSON rendering failed", e);
        }
    }

    /** The mapper that response models are written with, for tests and benchmarks. */
    public ObjectMapper mapper() {
        return mapper;
    }
}

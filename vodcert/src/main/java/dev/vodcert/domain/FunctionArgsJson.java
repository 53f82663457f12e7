package dev.vodcert.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** A rule's arguments as stored: {@code [{"argName":..,"argValue":..}, ...]}, the shape of {@code Functions}. */
public final class FunctionArgsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<FunctionArg>> LIST = new TypeReference<>() {
    };

    private FunctionArgsJson() {
    }

    public static String write(List<FunctionArg> args) {
        try {
            return MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Function arguments not writable", e);
        }
    }

    public static List<FunctionArg> read(String json) {
        try {
            return List.copyOf(MAPPER.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored function arguments are not JSON", e);
        }
    }
}

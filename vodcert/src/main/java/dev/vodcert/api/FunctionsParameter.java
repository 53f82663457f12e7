package dev.vodcert.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.domain.ConfigRule;
import dev.vodcert.domain.FunctionArg;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Functions} parameter of {@code BatchSetVodDomainConfigs}: a JSON array of
 * {@code {"functionName": s, "functionArgs": [{"argName": s, "argValue": s}], "configId": n}}
 * ({@code configId} optional, a number or a string of digits; argument values may be numbers or
 * booleans, read as their text). Anything else in that shape is {@code InvalidParameter} naming
 * {@code Functions}; whether a function and its arguments are valid is the domain's check.
 */
final class FunctionsParameter {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The most rules one call carries. */
    static final int MAX_FUNCTIONS = 50;

    private FunctionsParameter() {
    }

    static List<ConfigRule> parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw invalid("It is not JSON.");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw invalid("It must be a non-empty JSON array of functions.");
        }
        if (root.size() > MAX_FUNCTIONS) {
            throw invalid("It holds " + root.size() + " functions; at most " + MAX_FUNCTIONS + " are allowed.");
        }
        List<ConfigRule> rules = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            rules.add(rule(root.get(i), i + 1));
        }
        return rules;
    }

    private static ConfigRule rule(JsonNode node, int n) {
        if (!node.isObject()) {
            throw invalid("Entry " + n + " is not an object.");
        }
        JsonNode name = node.get("functionName");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            throw invalid("Entry " + n + " has no functionName.");
        }
        JsonNode args = node.get("functionArgs");
        if (args == null || !args.isArray()) {
            throw invalid("Entry " + n + " (" + name.asText() + ") has no functionArgs array.");
        }
        List<FunctionArg> list = new ArrayList<>();
        for (JsonNode arg : args) {
            JsonNode argName = arg.get("argName");
            JsonNode argValue = arg.get("argValue");
            if (!arg.isObject() || argName == null || !argName.isTextual() || argValue == null
                    || !argValue.isValueNode() || argValue.isNull()) {
                throw invalid("Entry " + n + " (" + name.asText() + ") has an argument without argName and argValue.");
            }
            list.add(new FunctionArg(argName.asText(), argValue.asText()));
        }
        return new ConfigRule(name.asText(), list, configId(node.get("configId"), n));
    }

    private static Long configId(JsonNode node, int n) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.canConvertToLong() && node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(node.asText());
        }
        throw invalid("The configId of entry " + n + " is not a number.");
    }

    private static ApiException invalid(String why) {
        return GatewayErrors.invalid("Functions", why);
    }
}

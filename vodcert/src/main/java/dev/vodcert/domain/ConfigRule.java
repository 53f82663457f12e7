package dev.vodcert.domain;

import java.util.List;

/**
 * One entry of {@code BatchSetVodDomainConfigs}' {@code Functions}: a function, its arguments and,
 * to change one existing rule, its {@code configId} (null for "the rule of this function").
 * {@link #checked} validates it against the function ({@code InvalidArgValue.Malformed}).
 */
public record ConfigRule(String functionName, List<FunctionArg> args, Long configId) {
    public ConfigRule {
        args = List.copyOf(args);
    }

    /** This rule with its arguments checked and put in the function's order. */
    public ConfigRule checked() {
        ConfigFunction function = ConfigFunctions.find(functionName);
        if (function == null) {
            throw ConfigFunction.malformed("The function " + Echo.of(functionName) + " is not supported; use one of "
                    + String.join(", ", ConfigFunctions.names()) + ".");
        }
        return new ConfigRule(functionName, function.check(args), configId);
    }

    /**
     * The function whose rule this one removes from the domain: forcing HTTPS and forcing HTTP
     * exclude each other, so turning one on drops the other; null otherwise.
     */
    public String excludes() {
        boolean on = args.stream().anyMatch(a -> a.argName().equals("enable") && a.argValue().equals("on"));
        if (!on) {
            return null;
        }
        return switch (functionName) {
            case ConfigFunctions.HTTPS_FORCE -> ConfigFunctions.HTTP_FORCE;
            case ConfigFunctions.HTTP_FORCE -> ConfigFunctions.HTTPS_FORCE;
            default -> null;
        };
    }
}

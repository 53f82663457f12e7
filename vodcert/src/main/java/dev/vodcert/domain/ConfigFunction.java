package dev.vodcert.domain;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A domain configuration function ({@code functionName}) with the arguments it takes. A rule is
 * checked against it by {@link #check}: every required argument present, no argument unknown or
 * given twice, every value accepted, and, for functions whose arguments are all optional
 * ({@code anyOf}), at least one given. {@code whole} is a last check on the rule as a whole.
 */
record ConfigFunction(String name, List<ConfigArg> args, boolean anyOf, Predicate<Map<String, String>> whole,
                      String wholeRule) {

    static ConfigFunction of(String name, ConfigArg... args) {
        return new ConfigFunction(name, List.of(args), false, m -> true, "");
    }

    static ConfigFunction anyOf(String name, ConfigArg... args) {
        return new ConfigFunction(name, List.of(args), true, m -> true, "");
    }

    ConfigFunction with(Predicate<Map<String, String>> rule, String says) {
        return new ConfigFunction(name, args, anyOf, rule, says);
    }

    /**
     * The rule's arguments in the order this function declares them, or {@code InvalidArgValue.Malformed}
     * naming what is wrong.
     */
    List<FunctionArg> check(List<FunctionArg> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FunctionArg arg : given) {
            ConfigArg spec = spec(arg.argName());
            if (spec == null) {
                throw malformed("The function " + name + " takes no argument " + Echo.of(arg.argName())
                        + "; it takes " + args.stream().map(ConfigArg::name).collect(Collectors.joining(", ")) + ".");
            }
            if (values.containsKey(spec.name())) {
                throw malformed("The argument " + spec.name() + " of " + name + " is given twice.");
            }
            if (arg.argValue() == null || arg.argValue().isEmpty() || !spec.accepts().test(arg.argValue())) {
                throw malformed("The argValue of " + name + "." + spec.name() + " must be " + spec.expected()
                        + "; got " + (arg.argValue() == null ? "none" : Echo.of(arg.argValue())) + ".");
            }
            values.put(spec.name(), arg.argValue());
        }
        for (ConfigArg spec : args) {
            if (spec.required() && !values.containsKey(spec.name())) {
                throw malformed("The function " + name + " needs the argument " + spec.name() + ".");
            }
        }
        if (anyOf && values.isEmpty()) {
            throw malformed("The function " + name + " needs at least one of the arguments "
                    + args.stream().map(ConfigArg::name).collect(Collectors.joining(", ")) + ".");
        }
        if (!whole.test(values)) {
            throw malformed("The function " + name + ": " + wholeRule);
        }
        List<FunctionArg> ordered = new ArrayList<>();
        for (ConfigArg spec : args) {
            if (values.containsKey(spec.name())) {
                ordered.add(new FunctionArg(spec.name(), values.get(spec.name())));
            }
        }
        return ordered;
    }

    private ConfigArg spec(String argName) {
        return args.stream().filter(a -> a.name().equals(argName)).findFirst().orElse(null);
    }

    static ApiException malformed(String detail) {
        return VodErrors.INVALID_ARG_VALUE_MALFORMED.exception(VodErrors.INVALID_ARG_VALUE_MALFORMED.message() + " "
                + detail);
    }
}

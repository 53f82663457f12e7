package dev.vodcert.api;

import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.GatewayErrors;

/** An optional {@code true} / {@code false} parameter (any case); absent is false, anything else {@code InvalidParameter}. */
public final class BooleanParameter {
    private BooleanParameter() {
    }

    public static boolean parse(ActionCall call, String name) {
        String raw = call.optional(name);
        if (raw == null || raw.equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        throw GatewayErrors.invalid(name, "Use true or false.");
    }
}

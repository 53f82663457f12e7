package dev.vodcert.protocol;

import java.time.Instant;

/**
 * One verified call of an action: its parameters, who makes it, its RequestId and when it arrived.
 * Parameter names are case-sensitive; an empty value counts as absent.
 */
public record ActionCall(String action, String version, RequestParameters params, Principal principal,
                         String requestId, Instant receivedAt) {

    /** The value of a required parameter; absent or empty is a {@code MissingParameter} naming it. */
    public String required(String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw GatewayErrors.missing(name);
        }
        return value;
    }

    /** The value of an optional parameter, or null when absent or empty. */
    public String optional(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public long accountId() {
        return principal.accountId();
    }
}

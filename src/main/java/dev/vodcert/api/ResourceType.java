package dev.vodcert.api;

import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.Sanitizer;

/** The {@code ResourceType} of the tag actions: vodcert tags accelerated domains only ({@code domain}, any case). */
final class ResourceType {
    static final String DOMAIN = "domain";

    private ResourceType() {
    }

    static void requireDomain(ActionCall call) {
        String type = call.required("ResourceType");
        if (!type.equalsIgnoreCase(DOMAIN)) {
            throw GatewayErrors.invalid("ResourceType", "\"" + Sanitizer.brief(type)
                    + "\" is not supported; use domain.");
        }
    }
}

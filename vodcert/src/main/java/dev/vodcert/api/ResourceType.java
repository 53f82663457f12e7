package dev.vodcert.api;

import dev.vodcert.domain.DomainNameList;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.RepeatList;
import dev.vodcert.protocol.Sanitizer;
import java.util.List;

/** The {@code ResourceType} of the tag actions: vodcert tags accelerated domains only ({@code domain}, any case). */
final class ResourceType {
    static final String DOMAIN = "domain";

    private ResourceType() {
    }

    /** The domains {@code ResourceId.1..50} of a call whose {@code ResourceType} must be {@code domain}. */
    static List<String> domains(ActionCall call) {
        requireDomain(call);
        return DomainNameList.check(RepeatList.values(call.params(), "ResourceId", DomainNameList.MAX_NAMES),
                "ResourceId.N");
    }

    static void requireDomain(ActionCall call) {
        String type = call.required("ResourceType");
        if (!type.equalsIgnoreCase(DOMAIN)) {
            throw GatewayErrors.invalid("ResourceType", "\"" + Sanitizer.brief(type)
                    + "\" is not supported; use domain.");
        }
    }
}

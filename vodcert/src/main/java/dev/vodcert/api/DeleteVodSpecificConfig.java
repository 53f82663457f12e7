package dev.vodcert.api;

import dev.vodcert.domain.DomainConfigs;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;

/**
 * {@code DeleteVodSpecificConfig}: deletes configuration rules of one domain by {@code ConfigId}
 * (comma-separated), all or none; an id that is not a rule of the domain is {@code ConfigNotFound}.
 * Answers RequestId only.
 */
final class DeleteVodSpecificConfig implements ActionHandler {
    private final DomainConfigs configs;

    DeleteVodSpecificConfig(DomainConfigs configs) {
        this.configs = configs;
    }

    @Override
    public Object handle(ActionCall call) {
        String name = call.required("DomainName");
        var ids = ConfigIds.list(call.required("ConfigId"), "ConfigId").stream()
                .map(id -> ConfigIds.parse(id, "ConfigId")).distinct().toList();
        configs.delete(call.accountId(), name, ids);
        return null;
    }
}

package dev.vodcert.api;

import dev.vodcert.domain.DomainConfigs;
import dev.vodcert.domain.DomainNameList;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;

/**
 * {@code BatchSetVodDomainConfigs}: sets configuration rules ({@code Functions}, a JSON list of
 * {@code functionName}, {@code functionArgs[{argName, argValue}]}, optional {@code configId}) on
 * 1 to 50 domains ({@code DomainNames}, comma-separated), all or none. Answers RequestId only; the
 * ConfigIds are read back with {@code DescribeVodDomainConfigs}.
 */
final class BatchSetVodDomainConfigs implements ActionHandler {
    private final DomainConfigs configs;

    BatchSetVodDomainConfigs(DomainConfigs configs) {
        this.configs = configs;
    }

    @Override
    public Object handle(ActionCall call) {
        var names = DomainNameList.parse(call.required("DomainNames"));
        var rules = FunctionsParameter.parse(call.required("Functions"));
        configs.set(call.accountId(), names, rules);
        return null;
    }
}

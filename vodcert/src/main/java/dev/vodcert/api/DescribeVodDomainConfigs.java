package dev.vodcert.api;

import dev.vodcert.domain.DomainConfig;
import dev.vodcert.domain.DomainConfigs;
import dev.vodcert.domain.FunctionArg;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import java.util.List;

/**
 * {@code DescribeVodDomainConfigs}: the configuration rules of one domain for the functions named
 * in {@code FunctionNames} (comma-separated), or just the rule {@code ConfigId}, as
 * {@code DomainConfigs.DomainConfig[]} with {@code ConfigId} (string), {@code FunctionName},
 * {@code Status} and {@code FunctionArgs.FunctionArg[]}.
 */
final class DescribeVodDomainConfigs implements ActionHandler {
    record Response(DomainConfigList domainConfigs) {
    }

    record DomainConfigList(List<Item> domainConfig) {
    }

    record Item(String configId, String functionName, String status, ArgList functionArgs) {
    }

    record ArgList(List<Arg> functionArg) {
    }

    record Arg(String argName, String argValue) {
    }

    private final DomainConfigs configs;

    DescribeVodDomainConfigs(DomainConfigs configs) {
        this.configs = configs;
    }

    @Override
    public Object handle(ActionCall call) {
        String name = call.required("DomainName");
        List<String> functions = ConfigIds.list(call.required("FunctionNames"), "FunctionNames");
        String configId = call.optional("ConfigId");
        List<DomainConfig> found = configs.describe(call.accountId(), name, functions,
                configId == null ? null : ConfigIds.parse(configId, "ConfigId"));
        return new Response(new DomainConfigList(found.stream().map(DescribeVodDomainConfigs::item).toList()));
    }

    private static Item item(DomainConfig c) {
        return new Item(Long.toString(c.configId()), c.functionName(), c.status(),
                new ArgList(c.args().stream().map(DescribeVodDomainConfigs::arg).toList()));
    }

    private static Arg arg(FunctionArg a) {
        return new Arg(a.argName(), a.argValue());
    }
}

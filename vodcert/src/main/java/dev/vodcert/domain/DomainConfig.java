package dev.vodcert.domain;

import java.util.List;

/**
 * One configuration rule of an accelerated domain ({@code DescribeVodDomainConfigs}): its
 * {@code ConfigId}, the function it sets, its {@code Status} and its arguments in the order the
 * function declares them. vodcert applies a rule when it is stored, so the status is always
 * {@value #SUCCESS}.
 */
public record DomainConfig(long configId, long domainId, String functionName, String status, List<FunctionArg> args) {
    public static final String SUCCESS = "success";

    /** The value of one argument, or null when the rule does not carry it. */
    public String arg(String name) {
        for (FunctionArg a : args) {
            if (a.argName().equals(name)) {
                return a.argValue();
            }
        }
        return null;
    }
}

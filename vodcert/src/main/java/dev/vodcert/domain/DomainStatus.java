package dev.vodcert.domain;

import dev.vodcert.protocol.GatewayErrors;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The state of an accelerated domain, as {@code DomainStatus} in DescribeVodUserDomains and
 * DescribeVodDomainDetail and as that action's filter. {@link #parse} refuses anything but an exact
 * wire value (absence is the caller's business: a missing filter never reaches here) with the
 * gateway's {@code InvalidParameter}, since VOD documents no code of its own for it.
 */
public enum DomainStatus {
    ONLINE("online"),
    OFFLINE("offline"),
    CONFIGURING("configuring"),
    CONFIGURE_FAILED("configure_failed"),
    CHECKING("checking"),
    CHECK_FAILED("check_failed");

    private static final String ALL = Arrays.stream(values()).map(DomainStatus::wire)
            .collect(Collectors.joining(", "));

    private final String wire;

    DomainStatus(String wire) {
        this.wire = wire;
    }

    /** The value on the wire. */
    public String wire() {
        return wire;
    }

    /** The status named by {@code raw}, exactly as on the wire. */
    public static DomainStatus parse(String raw) {
        if (raw != null) {
            for (DomainStatus s : values()) {
                if (s.wire.equals(raw)) {
                    return s;
                }
            }
        }
        throw GatewayErrors.invalid("DomainStatus", "\"" + Echo.of(raw) + "\" is not one of " + ALL + ".");
    }
}

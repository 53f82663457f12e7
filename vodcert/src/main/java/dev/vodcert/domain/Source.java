package dev.vodcert.domain;

import dev.vodcert.api.VodErrors;
import java.util.Set;

/**
 * One origin of an accelerated domain: an entry of the {@code Sources} parameter and of
 * {@code DomainDetail.Sources.Source[]}. Validated and normalised when built, in this order:
 * <ul>
 *   <li>{@code type}: {@code ipaddr}, {@code domain} or {@code oss}, else {@code InvalidSource.Type.Malformed};</li>
 *   <li>{@code content}: 1 to {@value #MAX_CONTENT_LENGTH} characters, else
 *       {@code InvalidSource.Content.Malformed}; for {@code ipaddr} a literal IPv4 or IPv6 address
 *       (stored in its canonical spelling), for {@code domain} and {@code oss} a host name that is
 *       not an IP address and not a wildcard (stored in canonical ASCII), else
 *       {@code InvalidTypeContent.Mismatch};</li>
 *   <li>{@code priority}: {@code "20"} (primary, the default when null) or {@code "30"} (standby),
 *       else {@code InvalidSource.Priority.Malformed};</li>
 *   <li>{@code port}: 1 to 65535, else {@code InvalidSource.Port.Malformed};</li>
 *   <li>{@code weight}: null (not set) or a whole number 0 to 100, stored without leading zeros,
 *       else {@code InvalidSources.Malformed};</li>
 *   <li>{@code enabled}: output only, never read from a request; {@code online} (the default when
 *       null) or {@code offline}.</li>
 * </ul>
 */
public record Source(String type, String content, String priority, int port, String weight, String enabled) {
    public static final String TYPE_IPADDR = "ipaddr";
    public static final String TYPE_DOMAIN = "domain";
    public static final String TYPE_OSS = "oss";
    public static final String PRIORITY_PRIMARY = "20";
    public static final String PRIORITY_STANDBY = "30";
    public static final int DEFAULT_PORT = 80;
    public static final String ENABLED_ONLINE = "online";
    public static final String ENABLED_OFFLINE = "offline";
    public static final int MAX_CONTENT_LENGTH = 255;
    public static final int MAX_WEIGHT = 100;
    private static final Set<String> TYPES = Set.of(TYPE_IPADDR, TYPE_DOMAIN, TYPE_OSS);

    public Source {
        if (type == null) {
            throw VodErrors.INVALID_SOURCE_TYPE_MALFORMED.exception(
                    "Source type is missing; it must be one of ipaddr, domain, oss.");
        }
        if (!TYPES.contains(type)) {
            throw VodErrors.INVALID_SOURCE_TYPE_MALFORMED.exception("Source type \"" + Echo.of(type)
                    + "\" is malformed: it must be one of ipaddr, domain, oss.");
        }
        if (content == null || content.isEmpty()) {
            throw VodErrors.INVALID_SOURCE_CONTENT_MALFORMED.exception("Source content is missing or empty.");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw VodErrors.INVALID_SOURCE_CONTENT_MALFORMED.exception("Source content \"" + Echo.of(content)
                    + "\" is malformed: it is longer than " + MAX_CONTENT_LENGTH + " characters.");
        }
        content = TYPE_IPADDR.equals(type) ? address(content) : hostName(type, content);
        if (priority == null) {
            priority = PRIORITY_PRIMARY;
        }
        if (!PRIORITY_PRIMARY.equals(priority) && !PRIORITY_STANDBY.equals(priority)) {
            throw VodErrors.INVALID_SOURCE_PRIORITY_MALFORMED.exception("Source priority \"" + Echo.of(priority)
                    + "\" is malformed: it must be \"20\" (primary) or \"30\" (standby).");
        }
        if (port < 1 || port > 65535) {
            throw VodErrors.INVALID_SOURCE_PORT_MALFORMED.exception(
                    "Source port " + port + " is malformed: it must be an integer from 1 to 65535.");
        }
        if (weight != null) {
            weight = weight(weight);
        }
        if (enabled == null) {
            enabled = ENABLED_ONLINE;
        }
        if (!ENABLED_ONLINE.equals(enabled) && !ENABLED_OFFLINE.equals(enabled)) {
            throw VodErrors.INVALID_SOURCES_MALFORMED.exception("Source enabled \"" + Echo.of(enabled)
                    + "\" is malformed: it must be online or offline.");
        }
    }

    /** An origin with the defaults: priority {@value #PRIORITY_PRIMARY}, no weight, {@code online}. */
    public static Source of(String type, String content, int port) {
        return new Source(type, content, null, port, null, null);
    }

    private static String address(String content) {
        return IpLiteral.parse(content).map(IpLiteral::canonical).orElseThrow(() ->
                VodErrors.INVALID_TYPE_CONTENT_MISMATCH.exception("Source content \"" + Echo.of(content)
                        + "\" does not match type ipaddr: it is not a literal IPv4 or IPv6 address."));
    }

    private static String hostName(String type, String content) {
        String why;
        if (IpLiteral.parse(content).isPresent()) {
            why = "it is an IP address; use type ipaddr";
        } else {
            try {
                String ascii = DomainNameRules.ascii(content);
                if (!ascii.startsWith("*.")) {
                    return ascii;
                }
                why = "an origin cannot be a wildcard name";
            } catch (DomainNameRules.BrokenRule e) {
                why = "it is not a valid host name (" + e.getMessage() + ")";
            }
        }
        throw VodErrors.INVALID_TYPE_CONTENT_MISMATCH.exception("Source content \"" + Echo.of(content)
                + "\" does not match type " + type + ": " + why + ".");
    }

    private static String weight(String weight) {
        boolean digits = !weight.isEmpty() && weight.length() <= 3 && weight.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || Integer.parseInt(weight) > MAX_WEIGHT) {
            throw VodErrors.INVALID_SOURCES_MALFORMED.exception("Source weight \"" + Echo.of(weight)
                    + "\" is malformed: it must be a whole number from 0 to " + MAX_WEIGHT + ".");
        }
        return Integer.toString(Integer.parseInt(weight));
    }
}

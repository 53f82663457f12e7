package dev.vodcert.domain;

import static dev.vodcert.domain.ConfigArg.host;
import static dev.vodcert.domain.ConfigArg.oneOf;
import static dev.vodcert.domain.ConfigArg.onOff;
import static dev.vodcert.domain.ConfigArg.range;
import static dev.vodcert.domain.ConfigArg.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The domain configuration functions vodcert knows, with the names and arguments of VOD's
 * "domain configuration functions" reference: the HTTPS ones ({@code https_force},
 * {@code http_force}, {@code https_option}, {@code https_tls_version}, {@code HSTS}), the origin
 * {@code Host} header ({@code set_req_host_header}) and {@code ipv6}. Each of them holds one rule
 * per domain: setting it again replaces the rule, keeping its {@code ConfigId}.
 */
public final class ConfigFunctions {
    public static final String HTTPS_FORCE = "https_force";
    public static final String HTTP_FORCE = "http_force";
    public static final String HTTPS_OPTION = "https_option";
    public static final String HTTPS_TLS_VERSION = "https_tls_version";
    public static final String HSTS = "HSTS";
    public static final String SET_REQ_HOST_HEADER = "set_req_host_header";
    public static final String IPV6 = "ipv6";
    /** The longest {@code max-age} HSTS takes, in seconds (one year). */
    public static final long HSTS_MAX_AGE_LIMIT = 31_536_000L;
    static final Set<String> TLS_ARGS = Set.of("tls10", "tls11", "tls12", "tls13");

    private static final Map<String, ConfigFunction> ALL = new LinkedHashMap<>();

    static {
        add(ConfigFunction.of(HTTPS_FORCE, onOff("enable", true), oneOf("https_rewrite", false, "301", "308")));
        add(ConfigFunction.of(HTTP_FORCE, onOff("enable", true), oneOf("http_rewrite", false, "301", "308")));
        add(ConfigFunction.anyOf(HTTPS_OPTION, onOff("http2", false), onOff("ocsp_stapling", false)));
        add(ConfigFunction.anyOf(HTTPS_TLS_VERSION, onOff("tls10", false), onOff("tls11", false),
                        onOff("tls12", false), onOff("tls13", false))
                .with(args -> TLS_ARGS.stream().anyMatch(v -> !"off".equals(args.get(v))),
                        "at least one TLS version must stay on (an argument not given is on)."));
        add(ConfigFunction.of(HSTS, onOff("enabled", true), range("https_hsts_max_age", false, 0, HSTS_MAX_AGE_LIMIT),
                onOff("https_hsts_include_subdomains", false)));
        add(ConfigFunction.of(SET_REQ_HOST_HEADER, host("domain_name", true)));
        add(ConfigFunction.of(IPV6, onOff("switch", true), text("region", false, 64)));
    }

    private ConfigFunctions() {
    }

    private static void add(ConfigFunction f) {
        ALL.put(f.name(), f);
    }

    /** The function of this exact (case-sensitive) name, or null. */
    static ConfigFunction find(String functionName) {
        return ALL.get(functionName);
    }

    /** The names vodcert knows, in the order above. */
    public static Set<String> names() {
        return ALL.keySet();
    }
}

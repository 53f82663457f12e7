package dev.vodcert.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an HTTPS edge enforces for one accelerated domain, worked out from the domain's HTTPS switch
 * ({@code SSLProtocol}) and its configuration rules ({@code BatchSetVodDomainConfigs}). Read it with
 * {@link DomainConfigs#httpsPolicy(String)}.
 *
 * <ul>
 *   <li>{@code httpsOn}: the domain serves HTTPS with its certificate ({@code SSLProtocol=on}).</li>
 *   <li>{@code forceHttps} / {@code forceHttpsStatus}: {@code https_force enable=on}; plain HTTP
 *       requests are redirected to HTTPS with that status ({@code https_rewrite}: 301 unless 308).</li>
 *   <li>{@code forceHttp} / {@code forceHttpStatus}: {@code http_force enable=on}; HTTPS requests
 *       are redirected to plain HTTP ({@code http_rewrite}: 301 unless 308). At most one of the two
 *       forces is on: setting one on removes the other's rule.</li>
 *   <li>{@code tlsVersions}: the TLS versions handshakes may use, as JSSE names ({@code TLSv1},
 *       {@code TLSv1.1}, {@code TLSv1.2}, {@code TLSv1.3}), from {@code https_tls_version}
 *       ({@code tls10..tls13}); a version the rule does not mention, or every version without a
 *       rule, is allowed. Never empty.</li>
 *   <li>{@code hsts}, {@code hstsMaxAge} (seconds), {@code hstsIncludeSubdomains}: from {@code HSTS};
 *       {@link #hstsHeader()} is the {@code Strict-Transport-Security} value to send on HTTPS answers.</li>
 *   <li>{@code http2}, {@code ocspStapling}: from {@code https_option}; HTTP/2 is on and OCSP
 *       stapling off unless a rule says otherwise.</li>
 *   <li>{@code originHost}: the {@code Host} header for requests to the origin
 *       ({@code set_req_host_header domain_name}), or null to send the requested host.</li>
 * </ul>
 */
public record HttpsPolicy(boolean httpsOn, boolean forceHttps, int forceHttpsStatus, boolean forceHttp,
                          int forceHttpStatus, Set<String> tlsVersions, boolean hsts, long hstsMaxAge,
                          boolean hstsIncludeSubdomains, boolean http2, boolean ocspStapling, String originHost) {
    /** The {@code max-age} of HSTS when the rule gives none: 60 days, as the CDN consoles propose. */
    public static final long DEFAULT_HSTS_MAX_AGE = 5_184_000L;
    private static final Map<String, String> JSSE = Map.of("tls10", "TLSv1", "tls11", "TLSv1.1",
            "tls12", "TLSv1.2", "tls13", "TLSv1.3");
    private static final List<String> TLS_ORDER = List.of("tls10", "tls11", "tls12", "tls13");

    public HttpsPolicy {
        tlsVersions = Set.copyOf(tlsVersions);
    }

    /** The policy of a domain with this HTTPS switch and these rules (of any functions). */
    public static HttpsPolicy of(boolean httpsOn, List<DomainConfig> rules) {
        DomainConfig https = rule(rules, ConfigFunctions.HTTPS_FORCE);
        DomainConfig http = rule(rules, ConfigFunctions.HTTP_FORCE);
        DomainConfig tls = rule(rules, ConfigFunctions.HTTPS_TLS_VERSION);
        DomainConfig hsts = rule(rules, ConfigFunctions.HSTS);
        DomainConfig option = rule(rules, ConfigFunctions.HTTPS_OPTION);
        DomainConfig host = rule(rules, ConfigFunctions.SET_REQ_HOST_HEADER);
        Set<String> versions = new LinkedHashSet<>();
        for (String v : TLS_ORDER) {
            if (tls == null || !"off".equals(tls.arg(v))) {
                versions.add(JSSE.get(v));
            }
        }
        String maxAge = hsts == null ? null : hsts.arg("https_hsts_max_age");
        return new HttpsPolicy(httpsOn,
                on(https, "enable", false), status(https, "https_rewrite"),
                on(http, "enable", false), status(http, "http_rewrite"),
                versions, on(hsts, "enabled", false),
                maxAge == null ? DEFAULT_HSTS_MAX_AGE : Long.parseLong(maxAge),
                on(hsts, "https_hsts_include_subdomains", false),
                on(option, "http2", true), on(option, "ocsp_stapling", false),
                host == null ? null : host.arg("domain_name"));
    }

    /** The {@code Strict-Transport-Security} header value, or null when HSTS is off. */
    public String hstsHeader() {
        if (!hsts) {
            return null;
        }
        return "max-age=" + hstsMaxAge + (hstsIncludeSubdomains ? "; includeSubDomains" : "");
    }

    private static DomainConfig rule(List<DomainConfig> rules, String function) {
        return rules.stream().filter(r -> r.functionName().equals(function)).findFirst().orElse(null);
    }

    private static boolean on(DomainConfig rule, String arg, boolean absent) {
        String value = rule == null ? null : rule.arg(arg);
        return value == null ? absent : "on".equals(value);
    }

    private static int status(DomainConfig rule, String arg) {
        return rule != null && "308".equals(rule.arg(arg)) ? 308 : 301;
    }
}

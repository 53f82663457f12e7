package dev.vodcert.protocol;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the protocol sees it, independent of the HTTP server: method, path, the raw
 * (still encoded) query string, headers keyed by lower-case name, the raw body and the client's
 * address. The server adapts its own request type to this.
 */
public record RpcRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
                         String remoteAddress) {

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The Host header without its port, for {@code HostId}; empty when absent. */
    public String hostWithoutPort() {
        String host = header("host");
        if (host == null) {
            return "";
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(0, close + 1) : host;
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}

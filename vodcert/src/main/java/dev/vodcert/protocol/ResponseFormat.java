package dev.vodcert.protocol;

import java.util.Locale;

/**
 * The two answer formats and the Content-Types every SDK accepts for them (spec §2, §1.3). The
 * {@code Format} parameter picks one in any case; without it an ACS3-signed request gets JSON (every
 * ACS3 client expects it) and any other request XML, the documented default.
 */
public enum ResponseFormat {
    JSON("application/json;charset=utf-8"),
    XML("text/xml;charset=utf-8");

    private final String contentType;

    ResponseFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format a request asked for; an unknown {@code Format} value is an {@code InvalidParameter}. */
    public static ResponseFormat of(String formatParam, boolean acs3) {
        if (formatParam == null || formatParam.isEmpty()) {
            return acs3 ? JSON : XML;
        }
        return switch (formatParam.toUpperCase(Locale.ROOT)) {
            case "JSON" -> JSON;
            case "XML" -> XML;
            default -> throw GatewayErrors.invalid("Format", "Use JSON or XML.");
        };
    }

    /** The format to answer an error in, when the request's own choice may be unreadable. */
    public static ResponseFormat lenient(String formatParam) {
        return formatParam != null && formatParam.equalsIgnoreCase("XML") ? XML : JSON;
    }
}

package dev.vodcert.ownership;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.Sanitizer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code fileCheck}: passes when {@code http://<domain>/verification.html}, fetched from the address
 * the configured resolver gives for the domain, answers 200 with the expected content (blanks
 * around it ignored). No file (the name does not resolve, nothing listens, a status other than
 * 200) is {@code InvalidFile}; a file with other content is {@code VerifyError}. Each message says
 * what was found and what was expected.
 */
final class FileCheck {
    static final String PATH = "/verification.html";

    private final DnsLookup dns;
    private final OriginFile origin;

    FileCheck(DnsLookup dns, OriginFile origin) {
        this.dns = dns;
        this.origin = origin;
    }

    void check(String host, String expected) {
        String url = "http://" + host + (origin.port() == 80 ? "" : ":" + origin.port()) + PATH;
        String want = " Expected " + url + " to contain " + expected + ".";
        List<InetAddress> addresses;
        try {
            addresses = dns.addresses(host);
        } catch (DnsFailure e) {
            throw notFound("Cannot resolve " + host + ": " + e.getMessage() + "." + want);
        }
        if (addresses.isEmpty()) {
            throw notFound(host + " has no A or AAAA record at " + dns.description() + "." + want);
        }
        InetAddress address = addresses.get(0);
        OriginFile.Response response;
        try {
            response = origin.get(address, host, PATH);
        } catch (IOException e) {
            throw notFound("Fetching " + url + " from " + address.getHostAddress() + " failed ("
                    + Sanitizer.brief(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")."
                    + want);
        }
        if (response.status() != 200) {
            throw notFound(url + " answered HTTP " + response.status() + "." + want);
        }
        if (response.tooLarge()) {
            throw VodErrors.VERIFY_ERROR.exception(VodErrors.VERIFY_ERROR.message() + " " + url
                    + " is larger than " + OriginFile.MAX_BODY_BYTES + " bytes." + want);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8).strip();
        if (!body.equals(expected)) {
            throw VodErrors.VERIFY_ERROR.exception(VodErrors.VERIFY_ERROR.message() + " " + url + " contains \""
                    + Sanitizer.brief(body) + "\"." + want);
        }
    }

    private static RuntimeException notFound(String detail) {
        return VodErrors.INVALID_FILE.exception(VodErrors.INVALID_FILE.message() + " " + detail);
    }
}

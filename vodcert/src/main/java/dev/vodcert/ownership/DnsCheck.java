package dev.vodcert.ownership;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.Sanitizer;
import java.util.stream.Collectors;

/**
 * {@code dnsCheck}: passes when a TXT record at {@code verification.<root domain>} holds exactly the
 * expected content. Otherwise {@code DomainOwnerVerifyFail}, saying what the resolver returned
 * (the records found, none, or the failure) and what was expected.
 */
final class DnsCheck {
    static final String LABEL = "verification";

    private final DnsLookup dns;

    DnsCheck(DnsLookup dns) {
        this.dns = dns;
    }

    void check(String rootDomain, String expected) {
        String name = LABEL + "." + rootDomain;
        String found;
        try {
            DnsLookup.Answer answer = dns.txt(name);
            if (answer.values().contains(expected)) {
                return;
            }
            found = answer.values().isEmpty() ? "no TXT record (" + answer.rcode() + ")"
                    : (answer.values().size() == 1 ? "the TXT record " : "the TXT records ")
                    + answer.values().stream().map(v -> "\"" + Sanitizer.brief(v) + "\"")
                    .limit(5).collect(Collectors.joining(", "));
        } catch (DnsFailure e) {
            found = "no answer: " + e.getMessage();
        }
        throw VodErrors.DOMAIN_OWNER_VERIFY_FAIL.exception(VodErrors.DOMAIN_OWNER_VERIFY_FAIL.message()
                + " Expected a TXT record at " + name + " with the value " + expected + "; found " + found + ".");
    }
}

package dev.vodcert.issuance;

/**
 * Looks up where a domain's CNAME points and compares it with the domain's assigned {@code Cname}.
 * The real one is {@link DnsCnameCheck}; the interface exists so that the lifecycle reads as the
 * rules it applies.
 */
public interface CnameCheck {

    /** What one check saw. */
    enum Outcome {
        /** The CNAME points at the assigned target. */
        OK,
        /** The name answered, but not with a CNAME to the assigned target (other target, no CNAME, no such name). */
        MISMATCH,
        /** No usable answer: SERVFAIL, REFUSED, timeout, network error. Says nothing about the CNAME. */
        DNS_FAILURE
    }

    /**
     * @param observed the CNAME target seen (without trailing dot), or "" when there was none
     * @param resolver the resolver asked, {@code host:port}
     * @param error what went wrong, for operators; "" when the outcome is OK
     */
    record Result(Outcome outcome, String observed, String resolver, String error) {
    }

    Result check(String asciiDomainName, String expectedCname);

    /**
     * The mismatch of a chain that ended without reaching {@code expected}: what the name is, where
     * its chain ended ({@code last}), and what it must be.
     *
     * @param first the domain's own CNAME target, or "" when it has none
     */
    static Result endedElsewhere(String domain, String first, String last, String expected, String resolver) {
        String why = first.isEmpty() ? domain + " has no CNAME record" : domain + " is a CNAME to "
                + first + (first.equals(last) ? "" : " (ending at " + last + ")");
        return new Result(Outcome.MISMATCH, first, resolver, why + "; it must be a CNAME to " + expected);
    }
}

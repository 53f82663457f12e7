package dev.vodcert.ownership;

/** A DNS query that got no usable answer (timeout, SERVFAIL, REFUSED...); the message says which. */
final class DnsFailure extends Exception {
    DnsFailure(String message) {
        super(message, null, false, false);
    }
}

package dev.vodcert.emulation;

import dev.vodcert.issuance.IssuanceFailure;
import dev.vodcert.issuance.Issuer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured issuer with a switch that makes it fail on purpose, for every domain or for some:
 * an attempt that would have issued ends in an {@link IssuanceFailure} instead, which the lifecycle
 * treats as any CA failure ({@code failed} and a back-off for a first certificate; a renewal keeps
 * {@code success} while the old certificate is valid). Thread-safe.
 */
public final class FailingIssuer implements Issuer {
    private final Issuer delegate;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private volatile boolean failAll;

    public FailingIssuer(Issuer delegate) {
        this.delegate = delegate;
    }

    /** With {@code on}, every attempt fails. */
    public void failAll(boolean on) {
        failAll = on;
    }

    /** With {@code on}, attempts for {@code domainName} fail. */
    public void fail(String domainName, boolean on) {
        String name = EmulatedDns.ascii(domainName);
        if (on) {
            failing.add(name);
        } else {
            failing.remove(name);
        }
    }

    /** Whether attempts for {@code asciiDomainName} fail now. */
    public boolean failing(String asciiDomainName) {
        return failAll || failing.contains(EmulatedDns.ascii(asciiDomainName));
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public IssuedCertificate issue(String asciiDomainName) throws IssuanceFailure {
        if (failing(asciiDomainName)) {
            throw new IssuanceFailure("the emulated issuer failure is switched on for " + asciiDomainName);
        }
        return delegate.issue(asciiDomainName);
    }
}

package dev.vodcert.issuance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * An issuer for tests around a real one: it can be told to fail (with a reason, or as a CA rate
 * limit), runs a hook at the moment it is asked (the row is {@code applying} then, so tests observe
 * or disturb the lifecycle mid-issuance), and records every domain and chain it handed out.
 */
final class TestIssuers {
    private TestIssuers() {
    }

    static final class Controlled implements Issuer {
        private final Issuer real;
        volatile IssuanceFailure failWith;
        volatile Consumer<String> during = d -> { };
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        final List<IssuedCertificate> issued = Collections.synchronizedList(new ArrayList<>());

        Controlled(Issuer real) {
            this.real = real;
        }

        @Override
        public String name() {
            return "controlled";
        }

        @Override
        public IssuedCertificate issue(String asciiDomainName) throws IssuanceFailure {
            asked.add(asciiDomainName);
            during.accept(asciiDomainName);
            if (failWith != null) {
                throw failWith;
            }
            IssuedCertificate c = real.issue(asciiDomainName);
            issued.add(c);
            return c;
        }

        IssuedCertificate last() {
            return issued.get(issued.size() - 1);
        }
    }
}

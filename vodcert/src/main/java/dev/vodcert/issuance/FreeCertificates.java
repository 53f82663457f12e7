package dev.vodcert.issuance;

import dev.vodcert.domain.VodDomain;
import dev.vodcert.protocol.GatewayErrors;

/**
 * The entry point of the free-certificate lifecycle for the actions: asking for a free certificate
 * for a domain, and stopping its lifecycle when the domain switches to another certificate type.
 * Both return at once; the work happens in the background.
 */
public interface FreeCertificates {
    /** Used when no issuer is configured: asking is refused, stopping has nothing to stop. */
    FreeCertificates DISABLED = new FreeCertificates() {
        @Override
        public void request(VodDomain domain) {
            throw GatewayErrors.invalid("CertType", "Free certificates are not available: no issuer is configured.");
        }

        @Override
        public void stop(VodDomain domain) {
        }
    };

    /** Starts the lifecycle for the domain (status {@code checking}); returns at once. */
    void request(VodDomain domain);

    /** Ends the domain's lifecycle; a certificate it issued stays stored. */
    void stop(VodDomain domain);
}

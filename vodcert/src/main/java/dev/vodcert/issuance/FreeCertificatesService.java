package dev.vodcert.issuance;

import dev.vodcert.api.VodErrors;
import dev.vodcert.domain.DomainStatus;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.store.FreeCertificateStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FreeCertificates} over the {@code free_certificate} table: asking writes a row the loop
 * picks up and returns at once. Answers to the awkward cases (README, "Decisions"):
 * <ul>
 * <li>a domain with HTTPS off is accepted; HTTPS stays off until the certificate is issued, then
 *     it is on (asking for a free certificate is asking for HTTPS);
 * <li>a stopped ({@code offline}) domain is refused with {@code InvalidDomain.Offline}, nothing stored;
 * <li>asking again while a certificate is being checked, applied for or in effect changes nothing
 *     (no second order); asking again after {@code cname_error}, {@code failed},
 *     {@code domain_invalid} or {@code unsupport_wildcard} starts over at {@code checking}.
 * </ul>
 */
public final class FreeCertificatesService implements FreeCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(FreeCertificatesService.class);

    private final FreeCertificateStore store;
    private final Clock clock;

    public FreeCertificatesService(FreeCertificateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void request(VodDomain domain) {
        if (DomainStatus.OFFLINE.wire().equals(domain.domainStatus())) {
            throw VodErrors.INVALID_DOMAIN_OFFLINE.exception("The domain " + domain.domainName()
                    + " is offline (stopped); start it before asking for a free certificate.");
        }
        FreeCertificate row = store.request(domain.id(), clock.millis());
        LOG.info("free certificate {}: requested, now {}", domain.domainName(), row.status().wire());
    }

    @Override
    public void stop(VodDomain domain) {
        if (store.stop(domain.id())) {
            LOG.info("free certificate {}: lifecycle stopped", domain.domainName());
        }
    }
}

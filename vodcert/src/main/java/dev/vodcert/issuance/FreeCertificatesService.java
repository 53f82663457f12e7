package dev.vodcert.issuance;

import dev.vodcert.domain.DomainService;
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
        DomainService.refuseIfOffline(domain, "asking for a free certificate");
        FreeCertificate row = store.request(domain.id(), clock.millis());
        LOG.info("free certificate {}: requested, now {}", domain.domainName(), row.status().wire());
    }

    /**
     * An operator's "retry now": a free certificate waiting for the user starts over at
     * {@code checking} as a new request does; one in {@code checking} is checked at the next pass
     * instead of after its back-off. False when there is nothing to retry (no lifecycle, or one
     * applying or in effect).
     */
    public boolean retryNow(long domainId, String domainName) {
        FreeCertificate row = store.find(domainId).orElse(null);
        boolean retried = row != null && (row.status().restartsOnRequest()
                ? store.request(domainId, clock.millis()).status() == FreeCertStatus.CHECKING
                : store.dueNow(domainId, clock.millis()));
        if (retried) {
            LOG.info("free certificate {}: retry now, asked by an operator", domainName);
        }
        return retried;
    }

    @Override
    public void stop(VodDomain domain) {
        if (store.stop(domain.id())) {
            LOG.info("free certificate {}: lifecycle stopped", domain.domainName());
        }
    }
}

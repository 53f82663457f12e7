package dev.vodcert.api;

import dev.vodcert.certificate.HostnameMatcher;
import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.certificate.UserCertificateFacts;
import dev.vodcert.domain.DomainService;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.store.CertificateStore;
import dev.vodcert.store.DomainStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * The certificates the VOD list actions show: with {@code DomainName}, the one that domain uses
 * (none when it has none; a domain not the caller's is {@code InvalidDomain.NotFound}); without,
 * every certificate of the account (uploads, stored and free ones), oldest first. Each comes with
 * its parsed leaf and whether it covers a domain that uses it ({@code DomainMatchCert}): the named
 * domain, or without a name any of the domains using it.
 */
final class AccountCertificates {
    /** One listed certificate. */
    record Listed(StoredCertificate certificate, X509Certificate leaf, boolean domainMatch) {
    }

    private final DomainStore domains;
    private final CertificateStore certificates;

    AccountCertificates(DomainStore domains, CertificateStore certificates) {
        this.domains = domains;
        this.certificates = certificates;
    }

    List<Listed> of(ActionCall call) {
        String domainName = call.optional("DomainName");
        if (domainName != null) {
            String name = DomainService.lookupName(domainName);
            StoredCertificate used = domains.findWithCertificate(call.accountId(), name)
                    .orElseThrow(VodErrors.INVALID_DOMAIN_NOT_FOUND::exception).certificate();
            return used == null ? List.of() : List.of(listed(used, List.of(name)));
        }
        Map<Long, List<String>> using = certificates.domainsByCertificate(call.accountId());
        return certificates.listByAccount(call.accountId()).stream()
                .map(c -> listed(c, using.getOrDefault(c.id(), List.of()))).toList();
    }

    private static Listed listed(StoredCertificate c, List<String> domainNames) {
        X509Certificate leaf = UserCertificateFacts.leafOf(c);
        boolean match = domainNames.stream().anyMatch(d -> HostnameMatcher.matchingName(leaf, d).isPresent());
        return new Listed(c, leaf, match);
    }
}

package dev.vodcert.api;

import dev.vodcert.api.cas.CasErrors;
import dev.vodcert.api.cas.CertIdParameter;
import dev.vodcert.certificate.CertificateValidator;
import dev.vodcert.certificate.HostnameMatcher;
import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.certificate.UserCertificateFacts;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.store.CasCertificateStore;
import dev.vodcert.store.DomainStore;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * {@code CertType=cas}: the domain serves a certificate of the caller's certificate store, named by
 * {@code CertId} in {@code CertRegion}. The store is in one region, the configured one (default
 * {@code cn-hangzhou}); {@code CertRegion} absent means that region, any other is refused. The
 * certificate must be valid now and cover the domain. A free-certificate lifecycle the domain had
 * is stopped.
 */
final class StoredCertificateChoice {
    private final CasCertificateStore certificates;
    private final DomainStore domains;
    private final FreeCertificates free;
    private final String storeRegion;

    StoredCertificateChoice(CasCertificateStore certificates, DomainStore domains, FreeCertificates free,
                            String storeRegion) {
        this.certificates = certificates;
        this.domains = domains;
        this.free = free;
        this.storeRegion = storeRegion;
    }

    void apply(ActionCall call, VodDomain domain) {
        long certId = CertIdParameter.parse(call.required("CertId"));
        String region = call.optional("CertRegion");
        if (region != null && !region.equals(storeRegion)) {
            throw GatewayErrors.invalid("CertRegion", "The certificate store of this service is in " + storeRegion
                    + "; use that region or leave CertRegion out.");
        }
        StoredCertificate stored = certificates.find(call.accountId(), certId)
                .orElseThrow(() -> CasErrors.notFound(certId));
        X509Certificate leaf = UserCertificateFacts.leafOf(stored);
        Instant now = call.receivedAt();
        CertificateValidator.servingProblem(leaf, domain.domainName(), now).ifPresent(why -> {
            throw GatewayErrors.invalid("CertId", "Certificate " + certId + " cannot serve " + domain.domainName()
                    + ": " + why + ".");
        });
        String covering = HostnameMatcher.matchingName(leaf, domain.domainName()).orElse(domain.domainName());
        free.stop(domain);
        if (!domains.attachStoredCertificate(domain, certId, covering, now.toEpochMilli())) {
            throw CasErrors.notFound(certId);
        }
    }
}

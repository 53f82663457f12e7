package dev.vodcert.api;

import dev.vodcert.certificate.CertType;
import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.store.DomainStore;

/**
 * A domain's certificate given with the request ({@code SSLPub}, {@code SSLPri}, {@code CertName}):
 * checked for the domain, stored, and served with HTTPS on. A free-certificate lifecycle the domain
 * had is stopped. Shared by {@code SetVodDomainCertificate} and {@code SetVodDomainSSLCertificate}.
 */
final class CertificateUpload {
    private final DomainStore store;
    private final CertificateIntake intake;
    private final FreeCertificates free;

    CertificateUpload(DomainStore store, CertificateIntake intake, FreeCertificates free) {
        this.store = store;
        this.intake = intake;
        this.free = free;
    }

    void apply(ActionCall call, VodDomain domain) {
        String pub = call.optional("SSLPub");
        String pri = call.optional("SSLPri");
        if (pub == null) {
            throw VodErrors.SSL_PUB_MISSING.exception();
        }
        if (pri == null) {
            throw VodErrors.SSL_PRI_MISSING.exception();
        }
        String certName = CertName.parse(call.optional("CertName"));
        CertificateIntake.Accepted accepted = intake.accept(call.accountId(), domain.domainName(),
                CertType.UPLOAD.wire(), certName, pub, pri);
        free.stop(domain);
        if (store.attachNewCertificate(domain, accepted.certificate(), accepted.certDomainName(),
                call.receivedAt().toEpochMilli()).isEmpty()) {
            throw VodErrors.INVALID_DOMAIN_NOT_FOUND.exception(); // deleted while the upload was checked
        }
    }
}

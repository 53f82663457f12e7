package dev.vodcert.api;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.store.DomainStore;

/**
 * {@code SetVodDomainCertificate} (spec §9.2): HTTPS on or off, and optionally a new uploaded
 * certificate. {@code on} with both {@code SSLPub} and {@code SSLPri} replaces the certificate;
 * {@code on} with neither turns HTTPS back on with the stored one (or asks for {@code SSLPub} when
 * there is none); {@code off} keeps the stored certificate and ignores any PEM given.
 */
final class SetVodDomainCertificate implements ActionHandler {
    private final DomainService domains;
    private final DomainStore store;
    private final CertificateIntake intake;

    SetVodDomainCertificate(DomainService domains, DomainStore store, CertificateIntake intake) {
        this.domains = domains;
        this.store = store;
        this.intake = intake;
    }

    @Override
    public Object handle(ActionCall call) {
        VodDomain domain = domains.get(call.accountId(), call.required("DomainName"));
        boolean on = SslProtocol.parse(call.required("SSLProtocol"));
        if (!on) {
            domains.setHttps(domain, false);
            return null;
        }
        String pub = call.optional("SSLPub");
        String pri = call.optional("SSLPri");
        if (pub == null && pri == null && domain.certId() != null) {
            domains.setHttps(domain, true);
            return null;
        }
        if (pub == null) {
            throw VodErrors.SSL_PUB_MISSING.exception();
        }
        if (pri == null) {
            throw VodErrors.SSL_PRI_MISSING.exception();
        }
        String certName = CertName.parse(call.optional("CertName"));
        CertificateIntake.Accepted accepted = intake.accept(call.accountId(), domain.domainName(), "upload",
                certName, pub, pri);
        store.attachNewCertificate(domain, accepted.certificate(), accepted.certDomainName(),
                call.receivedAt().toEpochMilli());
        return null;
    }
}

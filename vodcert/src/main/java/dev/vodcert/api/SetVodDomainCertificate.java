package dev.vodcert.api;

import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;

/**
 * {@code SetVodDomainCertificate} (spec §9.2): HTTPS on or off, and optionally a new uploaded
 * certificate. {@code on} with both {@code SSLPub} and {@code SSLPri} replaces the certificate
 * (and stops a free-certificate lifecycle); {@code on} with neither turns HTTPS back on with the
 * stored one (or asks for {@code SSLPub} when there is none); {@code off} keeps the stored
 * certificate and ignores any PEM given.
 */
final class SetVodDomainCertificate implements ActionHandler {
    private final DomainService domains;
    private final CertificateUpload upload;

    SetVodDomainCertificate(DomainService domains, CertificateUpload upload) {
        this.domains = domains;
        this.upload = upload;
    }

    @Override
    public Object handle(ActionCall call) {
        VodDomain domain = domains.getForCertificateChange(call.accountId(), call.required("DomainName"));
        boolean on = SslProtocol.parse(call.required("SSLProtocol"));
        if (!on) {
            domains.setHttps(domain, false);
            return null;
        }
        if (call.optional("SSLPub") == null && call.optional("SSLPri") == null && domain.certId() != null) {
            domains.setHttps(domain, true);
            return null;
        }
        upload.apply(call, domain);
        return null;
    }
}

package dev.vodcert.api;

import dev.vodcert.certificate.CertType;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.store.CertificateStore;

/**
 * {@code SetVodDomainSSLCertificate} (spec §9.3): HTTPS on or off, and with {@code on} the
 * certificate by {@code CertType}: {@code upload} ({@code SSLPub}/{@code SSLPri}), {@code cas}
 * ({@code CertId} in the certificate store) or {@code free} (issued by vodcert). Without
 * {@code CertType}, PEM means upload and {@code CertId} alone means cas; neither turns HTTPS back
 * on with the stored certificate. {@code off} keeps the certificate and ignores the rest. With
 * {@code free}, HTTPS comes on when the certificate is issued, or at once when a free one is
 * already in effect (README, "Decisions").
 * {@code Env=staging} (a canary release on the real service) is applied at once like any other
 * value: vodcert has one environment (README, "Decisions").
 */
final class SetVodDomainSSLCertificate implements ActionHandler {
    private final DomainService domains;
    private final CertificateUpload upload;
    private final StoredCertificateChoice stored;
    private final FreeCertificates free;
    private final CertificateStore certificates;

    SetVodDomainSSLCertificate(DomainService domains, CertificateUpload upload, StoredCertificateChoice stored,
                               FreeCertificates free, CertificateStore certificates) {
        this.domains = domains;
        this.upload = upload;
        this.stored = stored;
        this.free = free;
        this.certificates = certificates;
    }

    @Override
    public Object handle(ActionCall call) {
        VodDomain domain = domains.getForCertificateChange(call.accountId(), call.required("DomainName"));
        boolean on = SslProtocol.parse(call.required("SSLProtocol"));
        CertType given = call.optional("CertType") == null ? null : CertType.parse(call.optional("CertType"));
        if (!on) {
            domains.setHttps(domain, false);
            return null;
        }
        CertType type = given != null ? given : implied(call);
        if (type == null) {
            if (domain.certId() == null) {
                throw VodErrors.SSL_PUB_MISSING.exception();
            }
            domains.setHttps(domain, true);
            return null;
        }
        switch (type) {
            case UPLOAD -> upload.apply(call, domain);
            case CAS -> stored.apply(call, domain);
            case FREE -> {
                free.request(domain);
                if (servesFree(domain)) {
                    domains.setHttps(domain, true);
                }
            }
        }
        return null;
    }

    /** Whether the domain's certificate is a free one; else HTTPS comes on when one is issued. */
    private boolean servesFree(VodDomain domain) {
        return domain.certId() != null && certificates.find(domain.accountId(), domain.certId())
                .map(c -> CertType.FREE.wire().equals(c.certType())).orElse(false);
    }

    /** The type the other parameters imply when {@code CertType} is absent, or null for none. */
    private static CertType implied(ActionCall call) {
        boolean pem = call.optional("SSLPub") != null || call.optional("SSLPri") != null;
        boolean certId = call.optional("CertId") != null;
        if (pem && certId) {
            throw GatewayErrors.invalid("CertType", "Both SSLPub/SSLPri and CertId were given; say which with"
                    + " CertType upload or cas.");
        }
        return pem ? CertType.UPLOAD : certId ? CertType.CAS : null;
    }
}

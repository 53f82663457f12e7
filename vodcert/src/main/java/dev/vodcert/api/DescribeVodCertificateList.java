package dev.vodcert.api;

import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.domain.DomainService;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.store.CertificateStore;
import dev.vodcert.store.DomainStore;
import java.util.List;

/**
 * {@code DescribeVodCertificateList} (spec §9.4): the account's certificates (uploads, stored and
 * free ones), or with {@code DomainName} the one that domain uses (none when it has none), as
 * {@code CertificateListModel.CertList.Cert[]}. {@code CertId} and {@code LastTime} are JSON
 * numbers; {@code LastTime} is the certificate's issue time (NotBefore) in Unix seconds.
 */
final class DescribeVodCertificateList implements ActionHandler {
    record Response(CertificateListModel certificateListModel) {
    }

    record CertificateListModel(int count, CertList certList) {
    }

    record CertList(List<Cert> cert) {
    }

    record Cert(long certId, String certName, String common, String fingerprint, String issuer, long lastTime) {
    }

    private final DomainStore domains;
    private final CertificateStore certificates;

    DescribeVodCertificateList(DomainStore domains, CertificateStore certificates) {
        this.domains = domains;
        this.certificates = certificates;
    }

    @Override
    public Object handle(ActionCall call) {
        String domainName = call.optional("DomainName");
        List<StoredCertificate> found;
        if (domainName == null) {
            found = certificates.listByAccount(call.accountId());
        } else {
            StoredCertificate used = domains.findWithCertificate(call.accountId(), DomainService.lookupName(domainName))
                    .orElseThrow(VodErrors.INVALID_DOMAIN_NOT_FOUND::exception).certificate();
            found = used == null ? List.of() : List.of(used);
        }
        List<Cert> list = found.stream().map(c -> new Cert(c.id(), c.certName(), c.commonName(), c.fingerprint(),
                c.issuerOrg(), c.notBefore() / 1000)).toList();
        return new Response(new CertificateListModel(list.size(), new CertList(list)));
    }
}

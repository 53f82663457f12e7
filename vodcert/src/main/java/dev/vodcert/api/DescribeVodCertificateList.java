package dev.vodcert.api;

import dev.vodcert.api.cas.ResourceIds;
import dev.vodcert.certificate.CertType;
import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.certificate.UserCertificateFacts;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import java.util.List;

/**
 * {@code DescribeVodCertificateList} (spec §9.4): the certificates of {@link AccountCertificates}
 * as {@code CertificateListModel.CertList.Cert[]}. {@code CertId} and {@code LastTime} are JSON
 * numbers; {@code LastTime} is the certificate's issue time (NotBefore) in Unix seconds. The fields
 * newer models read: {@code CreateTime} (when vodcert stored it) and {@code EndTime} (NotAfter), both
 * epoch milliseconds; {@code Algorithm} ({@code RSA}/{@code ECC}); {@code SignAlgorithm}
 * (e.g. {@code sha256withrsa}); {@code CertIdentifier} ({@code <CertId>-<CertRegion>});
 * {@code DomainMatchCert} (a boolean); {@code InstanceId} (the store's resource instance, for
 * {@code cas} certificates only).
 */
final class DescribeVodCertificateList implements ActionHandler {
    record Response(CertificateListModel certificateListModel) {
    }

    record CertificateListModel(int count, CertList certList) {
    }

    record CertList(List<Cert> cert) {
    }

    record Cert(long certId, String certName, String common, String fingerprint, String issuer, long lastTime,
                long createTime, long endTime, String algorithm, String signAlgorithm, String certIdentifier,
                boolean domainMatchCert, String instanceId) {
    }

    private final AccountCertificates certificates;

    DescribeVodCertificateList(AccountCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public Object handle(ActionCall call) {
        List<Cert> list = certificates.of(call).stream().map(DescribeVodCertificateList::cert).toList();
        return new Response(new CertificateListModel(list.size(), new CertList(list)));
    }

    private static Cert cert(AccountCertificates.Listed listed) {
        StoredCertificate c = listed.certificate();
        UserCertificateFacts facts = UserCertificateFacts.of(listed.leaf());
        return new Cert(c.id(), c.certName(), c.commonName(), c.fingerprint(), c.issuerOrg(), c.notBefore() / 1000,
                c.createdAt(), c.notAfter(), facts.algorithm(), facts.signAlgorithm(), c.id() + "-" + c.certRegion(),
                listed.domainMatch(), CertType.CAS.wire().equals(c.certType()) ? ResourceIds.of(c.id()) : null);
    }
}

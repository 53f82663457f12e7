package dev.vodcert.api;

import dev.vodcert.certificate.CertInfo;
import dev.vodcert.certificate.DomainCertificate;
import dev.vodcert.domain.DomainService;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.store.DomainStore;
import java.util.List;

/**
 * {@code DescribeVodDomainCertificateInfo}: the certificate records of one domain (spec §9.1), as
 * {@code CertInfos.CertInfo[]}. A domain that asked for a free certificate shows {@code CertType=free}
 * with the lifecycle's {@code Status}: the free certificate in effect once issued (the new one after
 * a renewal), one record with the status and empty certificate fields before. A read: it never
 * changes a status.
 */
final class DescribeVodDomainCertificateInfo implements ActionHandler {
    /** The answer: {@code CertInfos} wraps the list, as every SDK requires. */
    record Response(CertInfos certInfos) {
    }

    record CertInfos(List<CertInfo> certInfo) {
    }

    private final DomainStore domains;

    DescribeVodDomainCertificateInfo(DomainStore domains) {
        this.domains = domains;
    }

    @Override
    public Object handle(ActionCall call) {
        String name = DomainService.lookupName(call.required("DomainName"));
        DomainCertificate found = domains.findCertificateInfo(call.accountId(), name)
                .orElseThrow(VodErrors.INVALID_DOMAIN_NOT_FOUND::exception);
        boolean freeInEffect = found.certificate() != null && "free".equals(found.certificate().certType());
        CertInfo info = found.freeStatus() != null && !freeInEffect
                ? CertInfo.pendingFree(found)
                : CertInfo.of(found);
        return new Response(new CertInfos(List.of(info)));
    }
}

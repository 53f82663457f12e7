package dev.vodcert.api;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.domain.DomainService;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.protocol.ActionTable;
import dev.vodcert.store.CasCertificateStore;
import dev.vodcert.store.CertificateStore;
import dev.vodcert.store.DomainStore;

/** The table of VOD actions (API version {@value #VERSION}): one line per action. */
public final class VodApi {
    public static final String VERSION = "2017-03-21";

    private VodApi() {
    }

    public static ActionTable register(ActionTable table, DomainService domains, DomainStore domainStore,
                                       CertificateIntake intake, FreeCertificates free,
                                       CasCertificateStore casStore, CertificateStore certificateStore) {
        CertificateUpload upload = new CertificateUpload(domainStore, intake, free);
        StoredCertificateChoice stored = new StoredCertificateChoice(casStore, domainStore, free, intake.certRegion());
        return table
                .add(VERSION, "AddVodDomain", new AddVodDomain(domains))
                .add(VERSION, "DescribeVodDomainDetail", new DescribeVodDomainDetail(domainStore))
                .add(VERSION, "SetVodDomainCertificate", new SetVodDomainCertificate(domains, upload))
                .add(VERSION, "DescribeVodDomainCertificateInfo", new DescribeVodDomainCertificateInfo(domainStore))
                .add(VERSION, "SetVodDomainSSLCertificate", new SetVodDomainSSLCertificate(domains, upload, stored, free))
                .add(VERSION, "DescribeVodCertificateList", new DescribeVodCertificateList(domainStore, certificateStore));
    }
}

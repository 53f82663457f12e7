package dev.vodcert.api;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.domain.DomainService;
import dev.vodcert.protocol.ActionTable;
import dev.vodcert.store.DomainStore;

/** The table of VOD actions (API version {@value #VERSION}): one line per action. */
public final class VodApi {
    public static final String VERSION = "2017-03-21";

    private VodApi() {
    }

    public static ActionTable register(ActionTable table, DomainService domains, DomainStore domainStore,
                                       CertificateIntake intake) {
        return table
                .add(VERSION, "AddVodDomain", new AddVodDomain(domains))
                .add(VERSION, "DescribeVodDomainDetail", new DescribeVodDomainDetail(domainStore))
                .add(VERSION, "SetVodDomainCertificate", new SetVodDomainCertificate(domains, domainStore, intake))
                .add(VERSION, "DescribeVodDomainCertificateInfo", new DescribeVodDomainCertificateInfo(domainStore));
    }
}

package dev.vodcert.api;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.DomainStatus;
import dev.vodcert.domain.DomainTags;
import dev.vodcert.ownership.OwnershipService;
import dev.vodcert.protocol.ActionTable;
import dev.vodcert.store.DomainSearch;
import dev.vodcert.store.DomainStore;

/** The table of VOD actions (API version {@value #VERSION}): one line per action. */
public final class VodApi {
    public static final String VERSION = "2017-03-21";

    private VodApi() {
    }

    public static ActionTable register(ActionTable table, DomainService domains, DomainStore domainStore,
                                       CertificateIntake intake, DomainSearch search, DomainTags tags,
                                       OwnershipService ownership) {
        return table
                .add(VERSION, "AddVodDomain", new AddVodDomain(domains, ownership))
                .add(VERSION, "DescribeVodDomainDetail", new DescribeVodDomainDetail(domainStore))
                .add(VERSION, "SetVodDomainCertificate", new SetVodDomainCertificate(domains, domainStore, intake))
                .add(VERSION, "DescribeVodDomainCertificateInfo", new DescribeVodDomainCertificateInfo(domainStore))
                .add(VERSION, "UpdateVodDomain", new UpdateVodDomain(domains))
                .add(VERSION, "DeleteVodDomain", new DeleteVodDomain(domains))
                .add(VERSION, "DescribeVodUserDomains", new DescribeVodUserDomains(search))
                .add(VERSION, "BatchStartVodDomain", new BatchVodDomainStatus(domains, DomainStatus.ONLINE))
                .add(VERSION, "BatchStopVodDomain", new BatchVodDomainStatus(domains, DomainStatus.OFFLINE))
                .add(VERSION, "TagVodResources", new TagVodResources(tags))
                .add(VERSION, "UnTagVodResources", new UnTagVodResources(tags))
                .add(VERSION, "DescribeVodVerifyContent", new DescribeVodVerifyContent(ownership))
                .add(VERSION, "VerifyVodDomainOwner", new VerifyVodDomainOwner(ownership));
    }
}

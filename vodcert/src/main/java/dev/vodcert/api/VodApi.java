package dev.vodcert.api;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.domain.DomainConfigs;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.DomainStatus;
import dev.vodcert.domain.DomainTags;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.ownership.OwnershipService;
import dev.vodcert.protocol.ActionTable;
import dev.vodcert.store.CasCertificateStore;
import dev.vodcert.store.CertificateStore;
import dev.vodcert.store.DomainSearch;
import dev.vodcert.store.DomainStore;

/** The table of VOD actions (API version {@value #VERSION}): one line per action. */
public final class VodApi {
    public static final String VERSION = "2017-03-21";

    private VodApi() {
    }

    /** What the VOD actions are built from. */
    public record Services(DomainService domains, DomainStore domainStore, CertificateIntake intake,
                           FreeCertificates free, CasCertificateStore casStore, CertificateStore certificateStore,
                           DomainSearch search, DomainTags tags, OwnershipService ownership,
                           DomainConfigs configs) {
    }

    public static ActionTable register(ActionTable table, Services s) {
        CertificateUpload upload = new CertificateUpload(s.domainStore(), s.intake(), s.free());
        StoredCertificateChoice stored = new StoredCertificateChoice(s.casStore(), s.domainStore(), s.free(),
                s.intake().certRegion());
        AccountCertificates listed = new AccountCertificates(s.domainStore(), s.certificateStore());
        return table
                .add(VERSION, "AddVodDomain", new AddVodDomain(s.domains(), s.ownership()))
                .add(VERSION, "DescribeVodDomainDetail", new DescribeVodDomainDetail(s.domainStore()))
                .add(VERSION, "SetVodDomainCertificate", new SetVodDomainCertificate(s.domains(), upload))
                .add(VERSION, "DescribeVodDomainCertificateInfo", new DescribeVodDomainCertificateInfo(s.domainStore()))
                .add(VERSION, "SetVodDomainSSLCertificate",
                        new SetVodDomainSSLCertificate(s.domains(), upload, stored, s.free(), s.certificateStore()))
                .add(VERSION, "DescribeVodCertificateList", new DescribeVodCertificateList(listed))
                .add(VERSION, "DescribeVodSSLCertificateList", new DescribeVodSSLCertificateList(listed))
                .add(VERSION, "UpdateVodDomain", new UpdateVodDomain(s.domains()))
                .add(VERSION, "DeleteVodDomain", new DeleteVodDomain(s.domains()))
                .add(VERSION, "DescribeVodUserDomains", new DescribeVodUserDomains(s.search()))
                .add(VERSION, "BatchStartVodDomain", new BatchVodDomainStatus(s.domains(), DomainStatus.ONLINE))
                .add(VERSION, "BatchStopVodDomain", new BatchVodDomainStatus(s.domains(), DomainStatus.OFFLINE))
                .add(VERSION, "TagVodResources", new TagVodResources(s.tags()))
                .add(VERSION, "UnTagVodResources", new UnTagVodResources(s.tags()))
                .add(VERSION, "DescribeVodTagResources", new DescribeVodTagResources(s.tags()))
                .add(VERSION, "ListTagResources", new ListTagResources(s.tags()))
                .add(VERSION, "DescribeVodVerifyContent", new DescribeVodVerifyContent(s.ownership()))
                .add(VERSION, "VerifyVodDomainOwner", new VerifyVodDomainOwner(s.ownership()))
                .add(VERSION, "BatchSetVodDomainConfigs", new BatchSetVodDomainConfigs(s.configs()))
                .add(VERSION, "DescribeVodDomainConfigs", new DescribeVodDomainConfigs(s.configs()))
                .add(VERSION, "DeleteVodSpecificConfig", new DeleteVodSpecificConfig(s.configs()));
    }
}

package dev.vodcert.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vodcert.certificate.CertificateFacts;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.Source;
import dev.vodcert.domain.Sources;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.store.DomainStore;
import java.time.Instant;
import java.util.List;

/**
 * {@code DescribeVodDomainDetail} (spec §9.9): a domain's settings. {@code SSLPub} and
 * {@code CertName} appear only while HTTPS is on; note the upper-case {@code SSLProtocol} here. {@code Weight} is the
 * domain's back-to-origin weight (see {@link #weight}).
 */
final class DescribeVodDomainDetail implements ActionHandler {
    record Response(DomainDetail domainDetail) {
    }

    record DomainDetail(String domainName, String cname, String domainStatus, String gmtCreated, String gmtModified,
                        @JsonProperty("SSLProtocol") String sslProtocol, @JsonProperty("SSLPub") String sslPub,
                        String certName, String scope, String description, String weight, SourceList sources) {
    }

    record SourceList(List<SourceItem> source) {
    }

    record SourceItem(String type, String content, String priority, int port, String enabled, String weight) {
    }

    static final String DEFAULT_WEIGHT = "1";

    private final DomainStore store;

    DescribeVodDomainDetail(DomainStore store) {
        this.store = store;
    }

    @Override
    public Object handle(ActionCall call) {
        String name = DomainService.lookupName(call.required("DomainName"));
        DomainStore.WithCertificate found = store.findWithCertificate(call.accountId(), name)
                .orElseThrow(VodErrors.INVALID_DOMAIN_NOT_FOUND::exception);
        var cert = found.certificate();
        return new Response(detail(found.domain(), cert == null ? null : cert.certificatePem(),
                cert == null ? null : cert.certName()));
    }

    static DomainDetail detail(VodDomain d, String sslPub, String certName) {
        List<SourceItem> sources = Sources.parse(d.sources()).stream().map(DescribeVodDomainDetail::item).toList();
        return new DomainDetail(d.domainName(), d.cname(), d.domainStatus(), time(d.gmtCreated()),
                time(d.gmtModified()), d.sslProtocol(), d.httpsOn() ? sslPub : null, d.httpsOn() ? certName : null,
                d.scope(), d.description(), weight(sources), new SourceList(sources));
    }

    /**
     * The domain's back-to-origin {@code Weight}: that of its first origin when set, else
     * {@value #DEFAULT_WEIGHT} (the reference's example; vodcert does not weigh domains).
     */
    private static String weight(List<SourceItem> sources) {
        return sources.isEmpty() || sources.get(0).weight() == null ? DEFAULT_WEIGHT : sources.get(0).weight();
    }

    private static SourceItem item(Source s) {
        return new SourceItem(s.type(), s.content(), s.priority(), s.port(), s.enabled(), s.weight());
    }

    private static String time(long millis) {
        return CertificateFacts.formatTime(Instant.ofEpochMilli(millis));
    }
}

package dev.vodcert.api;

import dev.vodcert.certificate.CertificateFacts;
import dev.vodcert.domain.DomainQuery;
import dev.vodcert.domain.DomainSearchType;
import dev.vodcert.domain.DomainStatus;
import dev.vodcert.domain.Sources;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.store.DomainSearch;
import java.time.Instant;
import java.util.List;

/**
 * {@code DescribeVodUserDomains} (spec §9.8): one page of the caller's domains in name order, as
 * {@code Domains.PageData[]} (note {@code SslProtocol} with lower-case {@code sl} here), with
 * {@code PageNumber}, {@code PageSize} and {@code TotalCount} as numbers. Filters: {@code DomainName}
 * matched the {@code DomainSearchType} way, {@code DomainStatus}, and {@code Tag.N} (a domain must
 * carry every tag given). Paging rules are those of {@link Paging}.
 */
final class DescribeVodUserDomains implements ActionHandler {
    /** {@code Sandbox} of every domain: vodcert has no sandboxed domains. */
    static final String SANDBOX = "normal";
    /**
     * The largest {@code PageSize}: 50, as the current API reference says; the 1.0.4 async SDK
     * checks 1 to 500 on the client side, but the service's documented bound is the one kept.
     */
    static final int MAX_PAGE_SIZE = 50;

    record Response(long pageNumber, long pageSize, long totalCount, Domains domains) {
    }

    record Domains(List<PageData> pageData) {
    }

    record PageData(String domainName, String cname, String domainStatus, String gmtCreated, String gmtModified,
                    String sslProtocol, String sandbox, String description, SourceList sources) {
    }

    record SourceList(List<SourceItem> source) {
    }

    record SourceItem(String type, String content, String priority, int port) {
    }

    private final DomainSearch search;

    DescribeVodUserDomains(DomainSearch search) {
        this.search = search;
    }

    @Override
    public Object handle(ActionCall call) {
        Paging paging = Paging.of(call, MAX_PAGE_SIZE);
        DomainSearchType type = DomainSearchType.parse(call.optional("DomainSearchType"));
        String text = DomainQuery.nameFilter(call.optional("DomainName"), type);
        String status = call.optional("DomainStatus");
        DomainQuery query = new DomainQuery(call.accountId(), text, type,
                status == null ? null : DomainStatus.parse(status), TagList.filter(call));
        DomainSearch.Page page = search.find(query, paging.pageNumber(), paging.pageSize());
        return new Response(paging.pageNumber(), paging.pageSize(), page.totalCount(),
                new Domains(page.domains().stream().map(DescribeVodUserDomains::pageData).toList()));
    }

    private static PageData pageData(VodDomain d) {
        List<SourceItem> sources = Sources.parse(d.sources()).stream()
                .map(s -> new SourceItem(s.type(), s.content(), s.priority(), s.port())).toList();
        return new PageData(d.domainName(), d.cname(), d.domainStatus(), time(d.gmtCreated()), time(d.gmtModified()),
                d.sslProtocol(), SANDBOX, d.description() == null ? "" : d.description(), new SourceList(sources));
    }

    private static String time(long millis) {
        return CertificateFacts.formatTime(Instant.ofEpochMilli(millis));
    }
}

package dev.vodcert.api;

import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import java.util.List;
import java.util.Locale;

/**
 * {@code DescribeVodSSLCertificateList}: one page of the certificates of {@link AccountCertificates}
 * (by {@code DomainName}, or all of the account), optionally only those whose name or common name
 * contains {@code SearchKeyword} (any case), as {@code CertificateListModel.CertList.Cert[]} with
 * {@code CertId}, {@code CertName}, {@code CertRegion}, {@code Common}, {@code Fingerprint},
 * {@code Issuer} and {@code LastTime} (last change, epoch milliseconds as the model documents), and
 * {@code Count} (every matching certificate, not just this page), {@code PageNumber},
 * {@code PageSize}. {@code PageSize} is 1 to {@value #MAX_PAGE_SIZE}, default 20.
 */
final class DescribeVodSSLCertificateList implements ActionHandler {
    static final int MAX_PAGE_SIZE = 1000;

    record Response(CertificateListModel certificateListModel) {
    }

    record CertificateListModel(int count, long pageNumber, long pageSize, CertList certList) {
    }

    record CertList(List<Cert> cert) {
    }

    record Cert(long certId, String certName, String certRegion, String common, String fingerprint, String issuer,
                long lastTime) {
    }

    private final AccountCertificates certificates;

    DescribeVodSSLCertificateList(AccountCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public Object handle(ActionCall call) {
        Paging paging = Paging.of(call, MAX_PAGE_SIZE);
        String keyword = call.optional("SearchKeyword");
        List<StoredCertificate> matching = certificates.of(call).stream().map(AccountCertificates.Listed::certificate)
                .filter(c -> keyword == null || contains(c.certName(), keyword) || contains(c.commonName(), keyword))
                .toList();
        long from = (paging.pageNumber() - 1) * paging.pageSize();
        List<Cert> page = matching.stream().skip(Math.min(from, matching.size())).limit(paging.pageSize())
                .map(c -> new Cert(c.id(), c.certName(), c.certRegion(), c.commonName(), c.fingerprint(),
                        c.issuerOrg(), c.updatedAt()))
                .toList();
        return new Response(new CertificateListModel(matching.size(), paging.pageNumber(), paging.pageSize(),
                new CertList(page)));
    }

    private static boolean contains(String text, String keyword) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT));
    }
}

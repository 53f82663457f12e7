package dev.vodcert.api.cas;

import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.certificate.UserCertificateFacts;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.store.CasCertificateStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code ListUserCertificateOrder}: a page of the caller's stored certificates, newest first.
 * {@code OrderType} {@code UPLOAD} or {@code CERT} lists certificates (all of them are uploads
 * here); {@code CPACK} (the documented default) and {@code BUY} list orders, of which vodcert has
 * none. {@code Status} {@code ISSUED}, {@code WILLEXPIRED} or {@code EXPIRED} filters by
 * {@link CertificateStatus}; none means the valid ones; the order statuses list nothing.
 * {@code Keyword} matches the name or the common name. {@code CurrentPage} from 1,
 * {@code ShowSize} 1 to {@value #MAX_SHOW_SIZE} (default {@value #DEFAULT_SHOW_SIZE}).
 */
final class ListUserCertificateOrder implements ActionHandler {
    static final int DEFAULT_SHOW_SIZE = 50;
    static final int MAX_SHOW_SIZE = 500;
    static final int MAX_PAGE = 1_000_000;
    static final int MAX_KEYWORD = 128;
    private static final Set<String> ORDER_STATUSES = Set.of("PAYED", "CHECKING", "CHECKED_FAIL", "NOTACTIVATED",
            "REVOKED");

    record Response(long totalCount, long currentPage, long showSize, List<Item> certificateOrderList) {
    }

    record Item(long certificateId, String instanceId, String name, String commonName, String domain, String sans,
                String issuer, String orgName, String country, String province, String city, String fingerprint,
                String sha2, String serialNo, String algorithm, String startDate, String endDate, long certStartTime,
                long certEndTime, boolean expired, String status, boolean upload, String sourceType) {
    }

    private final CasCertificateStore store;

    ListUserCertificateOrder(CasCertificateStore store) {
        this.store = store;
    }

    @Override
    public Object handle(ActionCall call) {
        String orderType = call.optional("OrderType") == null ? "CPACK" : call.optional("OrderType");
        if (!Set.of("CPACK", "BUY", "UPLOAD", "CERT").contains(orderType)) {
            throw GatewayErrors.invalid("OrderType", "Use CPACK, BUY, UPLOAD or CERT.");
        }
        String status = call.optional("Status");
        if (status != null && !ORDER_STATUSES.contains(status)) {
            check(status);
        }
        long page = number(call, "CurrentPage", 1, MAX_PAGE);
        int size = (int) number(call, "ShowSize", DEFAULT_SHOW_SIZE, MAX_SHOW_SIZE);
        String keyword = call.optional("Keyword");
        if (keyword != null && keyword.length() > MAX_KEYWORD) {
            throw GatewayErrors.invalid("Keyword", "It is longer than " + MAX_KEYWORD + " characters.");
        }
        boolean orders = orderType.equals("CPACK") || orderType.equals("BUY");
        if (orders || (status != null && ORDER_STATUSES.contains(status))) {
            return new Response(0, page, size, List.of());
        }
        Instant now = call.receivedAt();
        CasCertificateStore.Filter filter = status == null ? CertificateStatus.valid(now, keyword)
                : CertificateStatus.valueOf(status).filter(now, keyword);
        List<Item> items = store.page(call.accountId(), filter, (page - 1) * size, size).stream()
                .map(c -> item(c, now)).toList();
        return new Response(store.count(call.accountId(), filter), page, size, items);
    }

    private static Item item(StoredCertificate c, Instant now) {
        UserCertificateFacts facts = UserCertificateFacts.of(UserCertificateFacts.leafOf(c));
        CertificateStatus status = CertificateStatus.of(c.notAfter(), now);
        return new Item(c.id(), ResourceIds.of(c.id()), c.certName(), c.commonName(), c.commonName(), facts.sans(),
                c.issuerOrg(), facts.orgName(), facts.country(), facts.province(), facts.city(), c.fingerprint(),
                facts.sha2(), facts.serialNo(), facts.algorithm(),
                UserCertificateFacts.date(c.notBefore()), UserCertificateFacts.date(c.notAfter()), c.notBefore(),
                c.notAfter(), status == CertificateStatus.EXPIRED, status.name(), true, "upload");
    }

    private static void check(String status) {
        for (CertificateStatus s : CertificateStatus.values()) {
            if (s.name().equals(status)) {
                return;
            }
        }
        throw GatewayErrors.invalid("Status", "Use ISSUED, WILLEXPIRED or EXPIRED for certificates.");
    }

    private static long number(ActionCall call, String name, long absent, long max) {
        String raw = call.optional(name);
        if (raw == null) {
            return absent;
        }
        if (raw.length() > 9 || !raw.chars().allMatch(c -> c >= '0' && c <= '9') || Long.parseLong(raw) < 1
                || Long.parseLong(raw) > max) {
            throw GatewayErrors.invalid(name, "It must be a whole number from 1 to " + max + ".");
        }
        return Long.parseLong(raw);
    }
}

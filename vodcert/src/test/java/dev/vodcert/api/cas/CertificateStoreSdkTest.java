package dev.vodcert.api.cas;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cas20200407.models.DeleteUserCertificateRequest;
import com.aliyun.cas20200407.models.GetUserCertificateDetailRequest;
import com.aliyun.cas20200407.models.GetUserCertificateDetailResponseBody;
import com.aliyun.cas20200407.models.ListUserCertificateOrderRequest;
import com.aliyun.cas20200407.models.ListUserCertificateOrderResponseBody;
import com.aliyun.cas20200407.models.ListUserCertificateOrderResponseBody.ListUserCertificateOrderResponseBodyCertificateOrderList;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The certificate store through the official {@code cas20200407} client: upload, detail, list, delete. */
class CertificateStoreSdkTest extends CasTestBase {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Test
    void detailShowsTheCertificateAndNeverTheKey() throws Exception {
        String parent = uniqueParent();
        Instant notBefore = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(Duration.ofDays(365));
        Issued cert = TestCertificates.certificate().cn("www." + parent).dns("www." + parent, parent)
                .validity(notBefore, notAfter).issue();
        String name = unique("detail-");
        long id = upload(name, cert);

        GetUserCertificateDetailResponseBody d = cas.getUserCertificateDetail(
                new GetUserCertificateDetailRequest().setCertId(id)).getBody();
        assertThat(d.getId()).isEqualTo(id);
        assertThat(d.getName()).isEqualTo(name);
        assertThat(d.getCertIdentifier()).isEqualTo(id + "-cn-hangzhou");
        assertThat(d.getCommon()).isEqualTo("www." + parent);
        assertThat(d.getSans()).isEqualTo("www." + parent + "," + parent);
        assertThat(d.getIssuer()).isEqualTo("vodcert Test Org");
        byte[] der = cert.cert().getEncoded();
        assertThat(d.getFingerprint()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(der)));
        assertThat(d.getSha2()).isEqualTo(HexFormat.of().withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        assertThat(d.getSerialNo()).isEqualTo(cert.cert().getSerialNumber().toString(16));
        assertThat(d.getAlgorithm()).isEqualTo("RSA");
        assertThat(d.getStartDate()).isEqualTo(DATE.format(notBefore));
        assertThat(d.getEndDate()).isEqualTo(DATE.format(notAfter));
        assertThat(d.getExpired()).isFalse();
        assertThat(d.getBuyInAliyun()).isFalse();
        assertThat(d.getCert()).isEqualTo(cert.chainPem().replace("\r", ""));
        assertThat(d.getKey()).isNull();

        GetUserCertificateDetailResponseBody filtered = cas.getUserCertificateDetail(
                new GetUserCertificateDetailRequest().setCertId(id).setCertFilter(true)).getBody();
        assertThat(filtered.getName()).isEqualTo(name);
        assertThat(filtered.getCert()).isNull();
        assertThat(filtered.getKey()).isNull();
        String raw = rawCas(vod, "GetUserCertificateDetail", params("CertId", Long.toString(id))).body();
        assertThat(raw).contains("BEGIN CERTIFICATE").doesNotContain("PRIVATE KEY").doesNotContain("\"Key\"");
    }

    @Test
    void ecCertificatesAreEcc() throws Exception {
        Issued cert = TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns(uniqueParent()).issue();
        long id = upload(unique("ec-"), cert);
        assertThat(cas.getUserCertificateDetail(new GetUserCertificateDetailRequest().setCertId(id)).getBody()
                .getAlgorithm()).isEqualTo("ECC");
    }

    @Test
    void listPagesNewestFirstAndFiltersByStatusAndKeyword() throws Exception {
        String prefix = unique("list") + "-";
        long a = upload(prefix + "a", TestCertificates.issue(uniqueParent()));
        long b = upload(prefix + "b", TestCertificates.issue(uniqueParent()));
        Issued soon = TestCertificates.certificate().dns(uniqueParent())
                .validity(Instant.now().minus(Duration.ofDays(60)), Instant.now().plus(Duration.ofDays(20))).issue();
        long c = upload(prefix + "c", soon);

        ListUserCertificateOrderResponseBody first = list(prefix, null, 1L, 2L);
        assertThat(first.getTotalCount()).isEqualTo(3);
        assertThat(first.getCurrentPage()).isEqualTo(1);
        assertThat(first.getShowSize()).isEqualTo(2);
        assertThat(first.getCertificateOrderList()).extracting(ListUserCertificateOrderResponseBodyCertificateOrderList::getCertificateId)
                .containsExactly(c, b);
        assertThat(list(prefix, null, 2L, 2L).getCertificateOrderList())
                .extracting(ListUserCertificateOrderResponseBodyCertificateOrderList::getCertificateId).containsExactly(a);
        assertThat(list(prefix, null, 3L, 2L).getCertificateOrderList()).isEmpty();

        ListUserCertificateOrderResponseBodyCertificateOrderList item = first.getCertificateOrderList().get(0);
        assertThat(item.getName()).isEqualTo(prefix + "c");
        assertThat(item.getCommonName()).isEqualTo(soon.cert().getSubjectX500Principal().getName().substring(3));
        assertThat(item.getStatus()).isEqualTo("WILLEXPIRED");
        assertThat(item.getExpired()).isFalse();
        assertThat(item.getUpload()).isTrue();
        assertThat(item.getInstanceId()).isEqualTo(ResourceIds.of(c));
        assertThat(item.getCountry()).isEmpty();
        assertThat(item.getProvince()).isEmpty();
        assertThat(item.getCity()).isEmpty();
        assertThat(item.getIssuer()).isEqualTo("vodcert Test Org");
        assertThat(item.getCertEndTime()).isEqualTo(soon.cert().getNotAfter().getTime());
        assertThat(item.getEndDate()).isEqualTo(DATE.format(soon.cert().getNotAfter().toInstant()));
        assertThat(first.getCertificateOrderList().get(1).getStatus()).isEqualTo("ISSUED");

        assertThat(ids(list(prefix, "WILLEXPIRED", null, null))).containsExactly(c);
        assertThat(ids(list(prefix, "ISSUED", null, null))).containsExactly(b, a);
        assertThat(ids(list(prefix, "EXPIRED", null, null))).isEmpty();
        assertThat(ids(list(prefix + "b", null, null, null))).containsExactly(b);
        ListUserCertificateOrderResponseBody orders = cas.listUserCertificateOrder(new ListUserCertificateOrderRequest()
                .setKeyword(prefix)).getBody();
        assertThat(orders.getTotalCount()).isZero();
        assertThat(orders.getCertificateOrderList()).isEmpty();
    }

    @Test
    void deletedCertificatesAreGone() throws Exception {
        long id = upload(unique("gone-"), TestCertificates.issue(uniqueParent()));
        cas.deleteUserCertificate(new DeleteUserCertificateRequest().setCertId(id));
        var e = failure(() -> cas.getUserCertificateDetail(new GetUserCertificateDetailRequest().setCertId(id)), 404,
                "InvalidCertId.NotFound");
        assertThat(message(e)).contains("CertId " + id);
        failure(() -> cas.deleteUserCertificate(new DeleteUserCertificateRequest().setCertId(id)), 404,
                "InvalidCertId.NotFound");
    }

    @Test
    void anotherAccountSeesNothing() throws Exception {
        String prefix = unique("mine") + "-";
        long id = upload(prefix + "x", TestCertificates.issue(uniqueParent()));
        failure(() -> otherCas.getUserCertificateDetail(new GetUserCertificateDetailRequest().setCertId(id)), 404,
                "InvalidCertId.NotFound");
        failure(() -> otherCas.deleteUserCertificate(new DeleteUserCertificateRequest().setCertId(id)), 404,
                "InvalidCertId.NotFound");
        assertThat(otherCas.listUserCertificateOrder(new ListUserCertificateOrderRequest().setOrderType("CERT")
                .setKeyword(prefix)).getBody().getTotalCount()).isZero();
        assertThat(ids(list(prefix, null, null, null))).containsExactly(id);
        // the same name in another account is another certificate
        long theirs = upload(otherCas, prefix + "x", TestCertificates.issue(uniqueParent()));
        assertThat(theirs).isNotEqualTo(id);
        assertThat(cas.getUserCertificateDetail(new GetUserCertificateDetailRequest().setCertId(id)).getBody()
                .getName()).isEqualTo(prefix + "x");
    }

    private ListUserCertificateOrderResponseBody list(String keyword, String status, Long page, Long size)
            throws Exception {
        ListUserCertificateOrderRequest r = new ListUserCertificateOrderRequest().setOrderType("UPLOAD")
                .setKeyword(keyword).setStatus(status).setCurrentPage(page).setShowSize(size);
        return cas.listUserCertificateOrder(r).getBody();
    }

    private static List<Long> ids(ListUserCertificateOrderResponseBody body) {
        return body.getCertificateOrderList().stream()
                .map(ListUserCertificateOrderResponseBodyCertificateOrderList::getCertificateId).toList();
    }
}

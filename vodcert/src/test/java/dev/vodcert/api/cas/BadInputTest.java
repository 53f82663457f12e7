package dev.vodcert.api.cas;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cas20200407.models.DeleteUserCertificateRequest;
import com.aliyun.cas20200407.models.GetUserCertificateDetailRequest;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCertificates;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input around {@code CertId} and the store's parameters: each gets its error (Code, HTTP
 * status, a Message naming what is wrong) and changes no stored data.
 */
class BadInputTest extends CasTestBase {
    private String domain;
    private long own;
    private long theirs;
    private long deleted;

    @BeforeAll
    void setUp() throws Exception {
        String parent = uniqueParent();
        domain = addDomain("www." + parent);
        Issued inline = TestCertificates.issue(domain);
        ok(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "SSLPub", inline.chainPem(), "SSLPri", inline.keyPemPkcs8())));
        own = upload(unique("own-"), TestCertificates.issue(domain));
        theirs = upload(otherCas, unique("theirs-"), TestCertificates.issue(domain));
        deleted = upload(unique("deleted-"), TestCertificates.issue(domain));
        cas.deleteUserCertificate(new DeleteUserCertificateRequest().setCertId(deleted));
    }

    @Test
    void certIdOfAnotherAccountOrDeletedIsNotFoundAndChangesNothing() {
        for (long id : new long[] {theirs, deleted, 987654321L}) {
            String before = snapshot();
            Answer a = refused(useStored(domain, id), 404, "InvalidCertId.NotFound");
            assertThat(message(a)).startsWith("The certificate does not exist, or it does not belong to you.")
                    .contains("CertId " + id);
            assertThat(snapshot()).isEqualTo(before);
        }
    }

    @Test
    void certIdThatIsNotAPositiveNumberIsInvalid() {
        for (String raw : new String[] {"abc", "12a", "1.5", "-5", "0", " 7", "99999999999999999999"}) {
            String before = snapshot();
            Answer a = refused(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                    "CertType", "cas", "CertId", raw)), 400, "InvalidParameter");
            assertThat(message(a)).as(raw).contains("\"CertId\"").contains("positive whole number");
            assertThat(snapshot()).isEqualTo(before);
            refused(rawCas(vod, "GetUserCertificateDetail", params("CertId", raw)), 400, "InvalidParameter");
            refused(rawCas(vod, "DeleteUserCertificate", params("CertId", raw)), 400, "InvalidParameter");
        }
        failure(() -> cas.getUserCertificateDetail(new GetUserCertificateDetailRequest().setCertId(-5L)), 400,
                "InvalidParameter");
        failure(() -> cas.deleteUserCertificate(new DeleteUserCertificateRequest().setCertId(-5L)), 400,
                "InvalidParameter");
        assertThat(cas(own)).isTrue();
    }

    @Test
    void casWithoutCertIdOrInAnotherRegionIsRefused() {
        String before = snapshot();
        Answer missing = refused(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain,
                "SSLProtocol", "on", "CertType", "cas")), 400, "MissingParameter");
        assertThat(message(missing)).contains("\"CertId\"");
        Answer region = refused(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain,
                "SSLProtocol", "on", "CertType", "cas", "CertId", Long.toString(own), "CertRegion", "ap-southeast-1")),
                400, "InvalidParameter");
        assertThat(message(region)).contains("\"CertRegion\"").contains("cn-hangzhou");
        assertThat(snapshot()).isEqualTo(before);

        ok(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "CertType", "cas", "CertId", Long.toString(own), "CertRegion", "cn-hangzhou")));
        assertThat(certInfo(domain).path("CertId").asText()).isEqualTo(Long.toString(own));
    }

    @Test
    void listAndDetailParametersAreChecked() {
        String[][] bad = {
                {"ListUserCertificateOrder", "ShowSize", "0"},
                {"ListUserCertificateOrder", "ShowSize", "501"},
                {"ListUserCertificateOrder", "ShowSize", "ten"},
                {"ListUserCertificateOrder", "CurrentPage", "0"},
                {"ListUserCertificateOrder", "CurrentPage", "-1"},
                {"ListUserCertificateOrder", "OrderType", "ALL"},
                {"ListUserCertificateOrder", "Status", "VALID"},
                {"ListUserCertificateOrder", "Keyword", "k".repeat(129)},
                {"GetUserCertificateDetail", "CertFilter", "maybe"},
        };
        for (String[] b : bad) {
            Map<String, String> p = new HashMap<>(Map.of(b[1], b[2]));
            if (b[0].equals("GetUserCertificateDetail")) {
                p.put("CertId", Long.toString(own));
            } else if (!b[1].equals("OrderType")) {
                p.put("OrderType", "CERT");
            }
            Answer a = refused(rawCas(vod, b[0], p), 400, "InvalidParameter");
            assertThat(message(a)).as(b[1] + "=" + b[2]).contains("\"" + b[1] + "\"");
        }
        ok(rawCas(vod, "ListUserCertificateOrder", params("OrderType", "CERT", "ShowSize", "500",
                "Status", "REVOKED")));
    }

    @Test
    void theTwoProductsAreToldApartByVersion() {
        refused(rawCas(vod, "DescribeVodDomainDetail", params("DomainName", domain)), 404, "InvalidAction.NotFound");
        refused(vod.call("GetUserCertificateDetail", params("CertId", Long.toString(own))), 404,
                "InvalidAction.NotFound");
        Answer version = refused(vod.call("POST", false, "GetUserCertificateDetail", params("CertId", "1"),
                p -> p.put("Version", "2015-11-24")), 404, "InvalidVersion");
        assertThat(message(version)).contains("2020-04-07").contains("2017-03-21");
    }

    /** What a refused call must leave as it was: the domain's certificate and the account's certificates. */
    private String snapshot() {
        return certInfo(domain).toString() + ok(vod.call("DescribeVodCertificateList", Map.of())).json()
                .path("CertificateListModel");
    }

    private boolean cas(long id) {
        return ok(rawCas(vod, "GetUserCertificateDetail", params("CertId", Long.toString(id)))).json()
                .path("Id").asLong() == id;
    }
}

package dev.vodcert.api.cas;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.vod.model.v20170321.DescribeVodCertificateListRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodCertificateListResponse.CertificateListModel.Cert;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainDetailRequest;
import com.aliyun.cas20200407.models.GetUserCertificateDetailRequest;
import com.aliyun.cas20200407.models.UploadUserCertificateRequest;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.NewerModels;
import dev.vodcert.testing.NewerModels.CertificateListBody;
import dev.vodcert.testing.NewerModels.DetailBody;
import dev.vodcert.testing.NewerModels.UploadBody;
import dev.vodcert.testing.TeaGenericClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import dev.vodcert.testing.V1Client;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.security.MessageDigest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fields that SDK models read and vodcert did not answer: through the official clients where
 * their models have the field (V1 {@code aliyun-java-sdk-vod} 2.16.22, {@code cas20200407} 2.0.1),
 * else through the generic client with the answer read into the shape the newer model declares
 * ({@link NewerModels}). Every expected value is worked out from the certificate itself.
 */
class NewerModelFieldsTest extends CasTestBase {
    private TeaGenericClient vodTea;
    private TeaGenericClient casTea;
    private V1Client v1;

    @BeforeAll
    void clients() {
        vodTea = new TeaGenericClient(server.endpoint(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        casTea = new TeaGenericClient(server.endpoint(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET,
                CasApi.VERSION);
        v1 = new V1Client(server.endpoint(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    @Test
    void uploadAnswersAResourceIdThatTheDetailCallsItsInstanceId() throws Exception {
        Issued cert = TestCertificates.issue(uniqueParent());
        UploadBody up = NewerModels.read(casTea.call("UploadUserCertificate", Map.of("Name", unique("res-"),
                "Cert", cert.chainPem(), "Key", cert.keyPemPkcs8())), new UploadBody());
        assertThat(up.certId).isPositive();
        assertThat(up.resourceId).matches("cas-upload-[0-9a-z]{6,}");
        DetailBody detail = NewerModels.read(casTea.call("GetUserCertificateDetail",
                Map.of("CertId", Long.toString(up.certId))), new DetailBody());
        assertThat(detail.instanceId).isEqualTo(up.resourceId);
        assertThat(cas.getUserCertificateDetail(new GetUserCertificateDetailRequest().setCertId(up.certId))
                .getBody().getInstanceId()).isEqualTo(up.resourceId);
    }

    @Test
    void detailAnswersValidityInMillisecondsAndTheChain() throws Exception {
        Issued cert = TestCertificates.issue(uniqueParent());
        long id = upload(unique("chain-"), cert);
        DetailBody d = NewerModels.read(casTea.call("GetUserCertificateDetail", Map.of("CertId", Long.toString(id),
                "CertFilter", "true")), new DetailBody());
        X509Certificate leaf = cert.cert();
        assertThat(d.notBefore).isEqualTo(leaf.getNotBefore().getTime());
        assertThat(d.notAfter).isEqualTo(leaf.getNotAfter().getTime());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded()))
                .toUpperCase(Locale.ROOT);
        assertThat(d.sha2).isEqualTo(sha256);
        assertThat(d.certSha2).isEqualTo(sha256);
        List<X509Certificate> chain = cert.chain();
        assertThat(d.certChain).hasSize(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            assertThat(d.certChain.get(i).commonName).isEqualTo(cn(c.getSubjectX500Principal().getName()));
            assertThat(d.certChain.get(i).issuerCommonName).isEqualTo(cn(c.getIssuerX500Principal().getName()));
            assertThat(d.certChain.get(i).notBefore).isEqualTo(c.getNotBefore().getTime());
            assertThat(d.certChain.get(i).notAfter).isEqualTo(c.getNotAfter().getTime());
            long days = (c.getNotAfter().getTime() - System.currentTimeMillis()) / 86_400_000L;
            assertThat(d.certChain.get(i).remainDay).isBetween((int) days - 1, (int) days);
        }
        assertThat(d.certChain.get(0).commonName).isEqualTo(cn(leaf.getSubjectX500Principal().getName()));
    }

    @Test
    void certificateListAnswersWhatTheNewerModelReads() throws Exception {
        String parent = uniqueParent();
        String used = addDomain("a." + parent);
        Issued wildcard = TestCertificates.issue("*." + parent);
        Issued ec = TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns("x." + parent).issue();
        long stored = upload(unique("list-"), wildcard);
        long unused = upload(unique("list-"), ec);
        ok(useStored(used, stored));

        CertificateListBody byDomain = NewerModels.read(vodTea.call("DescribeVodCertificateList",
                Map.of("DomainName", used)), new CertificateListBody());
        assertThat(byDomain.certificateListModel.count).isEqualTo(1);
        NewerModels.Cert c = byDomain.certificateListModel.certList.cert.get(0);
        assertThat(c.certId).isEqualTo(stored);
        assertThat(c.certIdentifier).isEqualTo(stored + "-cn-hangzhou");
        assertThat(c.endTime).isEqualTo(wildcard.cert().getNotAfter().getTime());
        assertThat(c.lastTime).isEqualTo(wildcard.cert().getNotBefore().getTime() / 1000);
        assertThat(c.createTime).isBetween(System.currentTimeMillis() - 600_000, System.currentTimeMillis());
        assertThat(c.algorithm).isEqualTo("RSA");
        assertThat(c.signAlgorithm).isEqualTo(wildcard.cert().getSigAlgName().toLowerCase(Locale.ROOT));
        assertThat(c.domainMatchCert).isTrue();
        assertThat(c.instanceId).isEqualTo(ResourceIds.of(stored));

        CertificateListBody all = NewerModels.read(vodTea.call("DescribeVodCertificateList", Map.of()),
                new CertificateListBody());
        NewerModels.Cert other = all.certificateListModel.certList.cert.stream().filter(x -> x.certId == unused)
                .findFirst().orElseThrow();
        assertThat(other.algorithm).isEqualTo("ECC");
        assertThat(other.signAlgorithm).isEqualTo(ec.cert().getSigAlgName().toLowerCase(Locale.ROOT));
        assertThat(other.domainMatchCert).isFalse();

        DescribeVodCertificateListRequest r = new DescribeVodCertificateListRequest();
        r.setDomainName(used);
        List<Cert> old = v1.call(r).getCertificateListModel().getCertList();
        assertThat(old).extracting(Cert::getCertId).containsExactly(stored);
        assertThat(old.get(0).getLastTime()).isEqualTo(c.lastTime);
    }

    @Test
    void sslCertificateListPagesAndSearches() throws Exception {
        String parent = uniqueParent();
        String tag = unique("kw");
        for (int i = 0; i < 5; i++) {
            upload(tag + "-cert-" + i, TestCertificates.issue("n" + i + "." + parent));
        }
        CertificateListBody page2 = NewerModels.read(vodTea.call("DescribeVodSSLCertificateList", Map.of(
                "SearchKeyword", tag.toUpperCase(Locale.ROOT), "PageNumber", "2", "PageSize", "2")),
                new CertificateListBody());
        assertThat(page2.certificateListModel.count).isEqualTo(5);
        assertThat(page2.certificateListModel.pageNumber).isEqualTo(2L);
        assertThat(page2.certificateListModel.pageSize).isEqualTo(2L);
        assertThat(page2.certificateListModel.certList.cert).extracting(x -> x.certName)
                .containsExactly(tag + "-cert-2", tag + "-cert-3");
        NewerModels.Cert c = page2.certificateListModel.certList.cert.get(0);
        assertThat(c.certRegion).isEqualTo("cn-hangzhou");
        assertThat(c.common).isEqualTo("n2." + parent);
        assertThat(c.lastTime).isBetween(System.currentTimeMillis() - 600_000, System.currentTimeMillis());

        CertificateListBody byCommonName = NewerModels.read(vodTea.call("DescribeVodSSLCertificateList",
                Map.of("SearchKeyword", "n4." + parent)), new CertificateListBody());
        assertThat(byCommonName.certificateListModel.certList.cert).extracting(x -> x.certName)
                .containsExactly(tag + "-cert-4");
        assertThat(byCommonName.certificateListModel.pageSize).isEqualTo(20L);

        TeaGenericClient.Failure f = vodTea.fail("DescribeVodSSLCertificateList", Map.of("PageSize", "1001"));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("InvalidParameter");
        f = vodTea.fail("DescribeVodSSLCertificateList", Map.of("DomainName", "absent." + parent));
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");
    }

    @Test
    void domainDetailAnswersWeight() {
        String plain = addDomain("w." + uniqueParent());
        DescribeVodDomainDetailRequest r = new DescribeVodDomainDetailRequest();
        r.setDomainName(plain);
        assertThat(v1.call(r).getDomainDetail().getWeight()).isEqualTo("1");
        String weighted = "v." + uniqueParent();
        ok(vod.call("AddVodDomain", Map.of("DomainName", weighted, "Sources",
                "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80,\"weight\":\"30\"}]")));
        r.setDomainName(weighted);
        assertThat(v1.call(r).getDomainDetail().getWeight()).isEqualTo("30");
    }

    @Test
    void aSecondNameIsRefusedThroughTheGenericClientToo() throws Exception {
        Issued cert = TestCertificates.issue(uniqueParent());
        String name = unique("dup-");
        upload(name, cert);
        failure(() -> cas.uploadUserCertificate(new UploadUserCertificateRequest().setName(name)
                .setCert(cert.chainPem()).setKey(cert.keyPemPkcs8())), 400, "NameRepeat");
        TeaGenericClient.Failure f = casTea.fail("UploadUserCertificate", Map.of("Name", name, "Cert",
                cert.chainPem(), "Key", cert.keyPemPkcs8()));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("NameRepeat");
        assertThat(f.message()).startsWith("The certificate name already exists.");
    }

    private static String cn(String rfc2253) {
        for (String part : rfc2253.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return "";
    }
}

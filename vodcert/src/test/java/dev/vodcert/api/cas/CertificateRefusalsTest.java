package dev.vodcert.api.cas;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cas20200407.models.ListUserCertificateOrderRequest;
import com.aliyun.cas20200407.models.UploadUserCertificateRequest;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCa;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestPem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Full validation end to end: each refusal, through {@code SetVodDomainSSLCertificate}
 * ({@code CertType=upload}) and through the store's {@code UploadUserCertificate}, names its reason;
 * nothing is stored.
 */
class CertificateRefusalsTest extends CasTestBase {
    private static final String PARENT = uniqueParent();
    private static final String DOMAIN = "www." + PARENT;

    /** A certificate and key that must be refused, the VOD code, the store's parameter, and the reason. */
    record Case(String label, String pub, String pri, String vodCode, String casParameter, String reason) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> refusals() {
        TestCa intermediate = TestCertificates.intermediate(TestCertificates.ca(), "CN=vodcert test intermediate");
        Issued viaIntermediate = TestCertificates.certificate().dns(DOMAIN).issuer(intermediate).issue();
        List<java.security.cert.X509Certificate> chain = viaIntermediate.chain();
        String swapped = TestPem.certificates(chain.get(1), chain.get(0), chain.get(2));
        TestCa stranger = TestCertificates.newCa("CN=unrelated CA");
        String wrongIssuer = TestPem.certificates(viaIntermediate.cert(), stranger.cert());
        Issued weak = TestCertificates.certificate().key(TestCertificates.rsa(1024)).dns(DOMAIN).issue();
        Issued expired = TestCertificates.certificate().dns(DOMAIN)
                .validity(Instant.now().minus(Duration.ofDays(100)), Instant.now().minus(Duration.ofDays(1))).issue();
        Issued future = TestCertificates.certificate().dns(DOMAIN)
                .validity(Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(90))).issue();
        Issued otherKey = TestCertificates.certificate().key(TestCertificates.freshRsa(2048)).dns(DOMAIN).issue();
        Issued critical = TestCertificates.certificate().dns(DOMAIN).criticalExtension("1.2.3.4.99").issue();
        Issued cnOnly = TestCertificates.certificate().cn(DOMAIN).dns().issue();
        Issued md5 = TestCertificates.certificate().dns(DOMAIN).selfSigned().signatureAlgorithm("MD5withRSA").issue();
        Issued sha1 = TestCertificates.certificate().dns(DOMAIN).signatureAlgorithm("SHA1withECDSA").issue();
        String key = viaIntermediate.keyPemPkcs8();
        return Stream.of(
                new Case("unknown critical extension", critical.chainPem(), critical.keyPemPkcs8(), "InvalidSSLPub",
                        "Cert", "critical extension TLS clients do not know (1.2.3.4.99)"),
                new Case("CN without subjectAltName", cnOnly.chainPem(), cnOnly.keyPemPkcs8(), "InvalidSSLPub",
                        "Cert", "no subjectAltName DNS name"),
                new Case("MD5 signature", md5.chainPem(), md5.keyPemPkcs8(), "InvalidSSLPub", "Cert",
                        "signed with MD5 (MD5withRSA)"),
                new Case("SHA-1 signature", sha1.chainPem(), sha1.keyPemPkcs8(), "InvalidSSLPub", "Cert",
                        "signed with SHA-1 (SHA1withECDSA)"),
                new Case("chain out of order", swapped, key, "InvalidSSLPub", "Cert", "out of order"),
                new Case("chain not signed by the next", wrongIssuer, key, "InvalidSSLPub", "Cert",
                        "certificate 1 of the chain is not signed by certificate 2"),
                new Case("RSA 1024", weak.chainPem(), weak.keyPemPkcs8(), "InvalidSSLPub", "Cert",
                        "1024 bits; at least 2048"),
                new Case("expired", expired.chainPem(), expired.keyPemPkcs8(), "InvalidSSLPub", "Cert",
                        "expired at"),
                new Case("not yet valid", future.chainPem(), future.keyPemPkcs8(), "InvalidSSLPub", "Cert",
                        "not valid before"),
                new Case("key of another certificate", viaIntermediate.chainPem(), otherKey.keyPemPkcs8(),
                        "PrivateKeyError", "Key", "does not belong"),
                new Case("not PEM", "garbage", key, "InvalidSSLPub", "Cert", "not a PEM certificate"),
                new Case("key not PEM", viaIntermediate.chainPem(), "garbage", "InvalidSSLPri", "Key", "")
        ).map(Arguments::of);
    }

    @BeforeAll
    void addTheDomain() {
        addDomain(DOMAIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachRefusalNamesItsReasonThroughBothProducts(Case c) throws Exception {
        String domain = DOMAIN;
        String before = certInfo(domain).toString();
        Answer a = refused(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "CertType", "upload", "SSLPub", c.pub(), "SSLPri", c.pri())), 400, c.vodCode());
        assertThat(message(a)).containsIgnoringCase(c.reason());
        for (String keyLine : c.pri().split("\n")) {
            if (keyLine.length() > 40) {
                assertThat(message(a)).doesNotContain(keyLine);
            }
        }
        assertThat(certInfo(domain).toString()).isEqualTo(before);

        String name = unique("refused-");
        var e = failure(() -> cas.uploadUserCertificate(new UploadUserCertificateRequest().setName(name)
                .setCert(c.pub()).setKey(c.pri())), 400, "InvalidParameter");
        assertThat(message(e)).startsWith("The specified parameter \"" + c.casParameter() + "\" is not valid.")
                .containsIgnoringCase(c.reason()).doesNotContain("SSLPub").doesNotContain("SSLPri");
        assertThat(cas.listUserCertificateOrder(new ListUserCertificateOrderRequest().setOrderType("CERT")
                .setKeyword(name)).getBody().getTotalCount()).isZero();
    }

    @Test
    void aWildcardCoversOneLevelBelowItOnly() throws Exception {
        String parent = uniqueParent();
        Issued wildcard = TestCertificates.issue("*." + parent);
        long id = upload(unique("wild-"), wildcard);
        String covered = addDomain("a." + parent);
        String apex = addDomain(parent);
        String deeper = addDomain("x.a." + parent);

        ok(useStored(covered, id));
        ok(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", covered, "SSLProtocol", "on",
                "SSLPub", wildcard.chainPem(), "SSLPri", wildcard.keyPemPkcs8())));
        for (String domain : new String[] {apex, deeper}) {
            Answer stored = refused(useStored(domain, id), 400, "InvalidParameter");
            assertThat(message(stored)).contains("\"CertId\"").contains("does not cover the domain " + domain)
                    .contains("*." + parent);
            Answer inline = refused(vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain,
                    "SSLProtocol", "on", "SSLPub", wildcard.chainPem(), "SSLPri", wildcard.keyPemPkcs8())), 400,
                    "InvalidSSLPub");
            assertThat(message(inline)).contains("does not cover the domain " + domain);
            assertThat(certInfo(domain).path("CertType").asText()).isEmpty();
        }
    }

    @Test
    void shangMiAndMissingPartsAreRefused() throws Exception {
        var sm = failure(() -> cas.uploadUserCertificate(new UploadUserCertificateRequest().setName(unique("sm-"))
                .setSignCert("x").setSignPrivateKey("y").setEncryptCert("z").setEncryptPrivateKey("w")), 400,
                "InvalidParameter");
        assertThat(message(sm)).contains("ShangMi");
        Issued cert = TestCertificates.issue(uniqueParent());
        var noKey = failure(() -> cas.uploadUserCertificate(new UploadUserCertificateRequest().setName(unique("k-"))
                .setCert(cert.chainPem())), 400, "MissingParameter");
        assertThat(message(noKey)).contains("\"Key\"");
        var noCert = failure(() -> cas.uploadUserCertificate(new UploadUserCertificateRequest().setName(unique("c-"))
                .setKey(cert.keyPemPkcs8())), 400, "MissingParameter");
        assertThat(message(noCert)).contains("\"Cert\"");
        var noName = failure(() -> cas.uploadUserCertificate(new UploadUserCertificateRequest()
                .setCert(cert.chainPem()).setKey(cert.keyPemPkcs8())), 400, "MissingParameter");
        assertThat(message(noName)).contains("\"Name\"");
        var longName = failure(() -> cas.uploadUserCertificate(new UploadUserCertificateRequest()
                .setName("n".repeat(64)).setCert(cert.chainPem()).setKey(cert.keyPemPkcs8())),
                400, "InvalidParameter");
        assertThat(message(longName)).contains("\"Name\"").contains("63");
        String longest = (unique("n") + "n".repeat(63)).substring(0, 63);
        assertThat(cas.uploadUserCertificate(new UploadUserCertificateRequest().setName(longest)
                .setCert(cert.chainPem()).setKey(cert.keyPemPkcs8())).getBody().getCertId()).isPositive();
    }
}

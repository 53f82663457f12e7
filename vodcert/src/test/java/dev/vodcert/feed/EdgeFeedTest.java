package dev.vodcert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /admin/edge/certificates} on the operators' listener of a real node: what a domain
 * serves (chain, decrypted key, serial, notAfter), the ETag and 304, the token, and the domains that
 * leave the feed (HTTPS off, stopped, deleted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FeedFixture vod = new FeedFixture();

    @AfterAll
    void stop() throws Exception {
        vod.close();
    }

    @Test
    void aServedDomainComesWithItsChainDecryptedKeySerialAndNotAfter() throws Exception {
        String domain = vod.addDomain(FeedFixture.unique("feed", "vodcert-test.com"));
        Issued cert = TestCertificates.issue(domain);
        vod.setCertificate(domain, cert);

        JsonNode entry = entry(feed(), domain);
        assertThat(entry.path("chain").asText()).isEqualTo(cert.chainPem());
        assertThat(entry.path("serial").asText()).isEqualTo(cert.cert().getSerialNumber().toString(16));
        assertThat(entry.path("notAfter").asText()).isEqualTo(cert.cert().getNotAfter().toInstant().toString());
        PrivateKey key = pkcs8(entry.path("key").asText());
        assertThat(key.getEncoded()).isEqualTo(cert.keyPair().getPrivate().getEncoded());
    }

    @Test
    void theEtagIsTheVersionAndAnswers304UntilTheServedSetChanges() throws Exception {
        String domain = vod.addDomain(FeedFixture.unique("etag", "vodcert-test.com"));
        vod.setCertificate(domain, TestCertificates.issue(domain));
        HttpResponse<String> first = vod.getFeed("Authorization", "Bearer " + FeedFixture.TOKEN);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo('"' + JSON.readTree(first.body()).path("version").asText() + '"');
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> same = vod.getFeed("Authorization", "Bearer " + FeedFixture.TOKEN,
                "If-None-Match", etag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();

        Issued next = TestCertificates.certificate().key(TestCertificates.freshRsa(2048)).dns(domain).issue();
        vod.setCertificate(domain, next);
        HttpResponse<String> changed = vod.getFeed("Authorization", "Bearer " + FeedFixture.TOKEN,
                "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(entry(JSON.readTree(changed.body()), domain).path("serial").asText())
                .isEqualTo(next.cert().getSerialNumber().toString(16));
    }

    @Test
    void withoutTheTokenTheFeedIsRefused() throws Exception {
        String domain = vod.addDomain(FeedFixture.unique("token", "vodcert-test.com"));
        Issued cert = TestCertificates.issue(domain);
        vod.setCertificate(domain, cert);
        for (HttpResponse<String> refused : new HttpResponse[] {vod.getFeed(),
                vod.getFeed("Authorization", "Bearer wrong-token"),
                vod.getFeed("Authorization", FeedFixture.TOKEN)}) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("PRIVATE KEY").doesNotContain(domain);
        }
        FeedFixture.Run run = vod.syncWithToken(null, "--out", "/nonexistent/never-written");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("HTTP 401").contains("--token-env");
    }

    @Test
    void httpsOffStoppedAndDeletedDomainsLeaveTheFeed() throws Exception {
        String off = vod.addDomain(FeedFixture.unique("off", "vodcert-test.com"));
        String stopped = vod.addDomain(FeedFixture.unique("stopped", "vodcert-test.com"));
        String deleted = vod.addDomain(FeedFixture.unique("deleted", "vodcert-test.com"));
        String stays = vod.addDomain(FeedFixture.unique("stays", "vodcert-test.com"));
        String noCert = vod.addDomain(FeedFixture.unique("nocert", "vodcert-test.com"));
        for (String d : new String[] {off, stopped, deleted, stays}) {
            vod.setCertificate(d, TestCertificates.issue(d));
        }
        JsonNode before = feed();
        for (String d : new String[] {off, stopped, deleted, stays}) {
            assertThat(entry(before, d).isMissingNode()).as(d).isFalse();
        }
        assertThat(entry(before, noCert).isMissingNode()).isTrue();

        vod.httpsOff(off);
        vod.stop(stopped);
        vod.delete(deleted);
        JsonNode after = feed();
        assertThat(entry(after, off).isMissingNode()).isTrue();
        assertThat(entry(after, stopped).isMissingNode()).isTrue();
        assertThat(entry(after, deleted).isMissingNode()).isTrue();
        assertThat(entry(after, stays).isMissingNode()).isFalse();
        assertThat(after.path("version").asText()).isNotEqualTo(before.path("version").asText());
    }

    @Test
    void aWildcardDomainIsFedUnderItsCanonicalName() throws Exception {
        String parent = FeedFixture.unique("wild", "vodcert-test.com");
        vod.addDomain("." + parent);
        Issued cert = TestCertificates.issue("*." + parent);
        vod.setCertificate("*." + parent, cert);
        assertThat(entry(feed(), "*." + parent).path("serial").asText())
                .isEqualTo(cert.cert().getSerialNumber().toString(16));
    }

    private JsonNode feed() throws Exception {
        HttpResponse<String> r = vod.getFeed("Authorization", "Bearer " + FeedFixture.TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private static JsonNode entry(JsonNode feed, String domain) {
        for (JsonNode c : feed.path("certificates")) {
            if (c.path("domain").asText().equals(domain)) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static PrivateKey pkcs8(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}

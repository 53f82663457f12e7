package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL: add a domain, upload its certificate, describe it, restart the node, and find
 * everything as it was; what is stored holds no private key and no AccessKey secret in the clear.
 */
class PostgresPersistenceTest extends ApiTestBase {
    private String jdbcUrl;

    @Override
    TestServer newServer() {
        jdbcUrl = EmbeddedPostgresServer.shared().newDatabase();
        return TestServer.onPostgres(jdbcUrl);
    }

    @Test
    void addUploadDescribeAndRestart() {
        String domain = addDomain(uniqueDomain("pgflow"));
        Issued cert = TestCertificates.issue(domain);
        ok(setCertificate(domain, cert.chainPem(), cert.keyPemPkcs8()));
        JsonNode before = certInfo(domain);
        assertThat(before.path("CertType").asText()).isEqualTo("upload");
        assertThat(before.path("ServerCertificateStatus").asText()).isEqualTo("on");
        assertThat(before.path("CertDomainName").asText()).isEqualTo(domain);
        JsonNode detailBefore = ok(client.call("DescribeVodDomainDetail", Map.of("DomainName", domain))).json()
                .path("DomainDetail");

        server.restart();
        client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);

        assertThat(certInfo(domain)).isEqualTo(before);
        JsonNode detailAfter = ok(client.call("DescribeVodDomainDetail", Map.of("DomainName", domain))).json()
                .path("DomainDetail");
        assertThat(detailAfter).isEqualTo(detailBefore);
        assertThat(detailAfter.path("Cname").asText()).isEqualTo(domain + ".w.alikunlun.com");
    }

    @Test
    void storedRowsHoldNoPrivateKeyNorSecret() {
        String domain = addDomain(uniqueDomain("pgrest"));
        Issued cert = TestCertificates.issue(domain);
        String keyPem = cert.keyPemPkcs8();
        ok(setCertificate(domain, cert.chainPem(), keyPem));
        Jdbi db = Jdbi.create(jdbcUrl, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        List<String> keys = db.withHandle(h -> h.createQuery("SELECT private_key_enc FROM certificate")
                .mapTo(String.class).list());
        List<String> secrets = db.withHandle(h -> h.createQuery("SELECT secret_enc FROM access_key")
                .mapTo(String.class).list());
        assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).startsWith("v1:")
                .doesNotContain("PRIVATE KEY").doesNotContain(keyPem.split("\n")[1]));
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(2).allSatisfy(s -> assertThat(s).startsWith("v1:")
                .doesNotContain(TestServer.ACCESS_KEY_SECRET)
                .doesNotContain(server.otherKey().accessKeySecret()));
    }
}

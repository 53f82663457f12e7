package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Restarts keep everything; private keys and secrets are encrypted at rest and never logged or returned. */
class PersistenceAndSecretsTest extends ApiTestBase {

    @Test
    void everythingSurvivesARestart() {
        String domain = addDomain(uniqueDomain("restart"));
        Issued cert = TestCertificates.issue(domain);
        ok(setCertificate(domain, cert.chainPem(), cert.keyPemPkcs8()));
        JsonNode before = certInfo(domain);

        server.restart();
        client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);

        JsonNode after = certInfo(domain);
        assertThat(after).isEqualTo(before);
        JsonNode detail = ok(client.call("DescribeVodDomainDetail", Map.of("DomainName", domain))).json();
        assertThat(detail.path("DomainDetail").path("Cname").asText()).isEqualTo(domain + ".w.alikunlun.com");
    }

    @Test
    void databaseFileHoldsNoPrivateKeyNorSecret() throws Exception {
        String domain = addDomain(uniqueDomain("atrest"));
        Issued cert = TestCertificates.issue(domain);
        String keyPem = cert.keyPemPkcs8();
        ok(setCertificate(domain, cert.chainPem(), keyPem));
        server.restart();
        client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);

        String db = new String(Files.readAllBytes(server.dataDir().resolve("vodcert.mv.db")), StandardCharsets.ISO_8859_1);
        String[] keyLines = keyPem.split("\n");
        assertThat(db).contains(cert.certPem().split("\n")[1]);
        assertThat(db).doesNotContain("PRIVATE KEY");
        for (int i = 1; i < keyLines.length - 1; i++) {
            assertThat(db).doesNotContain(keyLines[i]);
        }
        assertThat(db).doesNotContain(TestServer.ACCESS_KEY_SECRET);
        assertThat(db).doesNotContain(server.otherKey().accessKeySecret());
    }

    @Test
    void dataFolderFilesAreOwnerOnly() throws Exception {
        for (String name : new String[] {"master.key"}) {
            Path file = server.dataDir().resolve(name);
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void noSecretInLogsOrResponses() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            String domain = addDomain(uniqueDomain("logs"));
            Issued cert = TestCertificates.issue(domain);
            String key = cert.keyPemPkcs8();
            StringBuilder responses = new StringBuilder();
            responses.append(ok(setCertificate(domain, cert.chainPem(), key)).body());
            responses.append(setCertificate(domain, cert.chainPem(), "-----BEGIN PRIVATE KEY-----\n"
                    + key.split("\n")[1] + "\n-----END PRIVATE KEY-----\n").body());
            responses.append(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)).body());
            responses.append(client.call("DescribeVodDomainDetail", Map.of("DomainName", domain)).body());
            responses.append(new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, "wrong")
                    .call("DescribeVodDomainDetail", Map.of("DomainName", domain)).body());
            StringBuilder logs = new StringBuilder();
            captured.list.forEach(e -> logs.append(e.getFormattedMessage()).append('\n'));
            for (String text : new String[] {responses.toString(), logs.toString()}) {
                assertThat(text).doesNotContain("PRIVATE KEY-----\\n").doesNotContain("PRIVATE KEY-----\n")
                        .doesNotContain(key.split("\n")[1])
                        .doesNotContain(TestServer.ACCESS_KEY_SECRET);
            }
        } finally {
            root.detachAppender(captured);
        }
    }
}

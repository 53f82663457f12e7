package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.protocol.SignatureV1;
import dev.vodcert.testing.ChildVodcert;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A captured signed request stays refused as {@code SignatureNonceUsed} after the embedded-database
 * service restarts, or is killed and started again, while its timestamp could still pass: the
 * accepted nonces are journaled in the data folder and read back at the start.
 */
class NonceAfterRestartTest {
    private static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";

    @Test
    void aReplayAfterARestartIsRefusedAndDoesNotRecreateTheDeletedDomain() {
        try (TestServer server = new TestServer()) {
            SignedClient client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID,
                    TestServer.ACCESS_KEY_SECRET);
            Map<String, String> captured = signed(client, "AddVodDomain",
                    Map.of("DomainName", "replayed.example.com", "Sources", SOURCES));
            assertThat(client.send("POST", false, captured).status()).isEqualTo(200);
            assertNonceUsed(client.send("POST", false, captured));
            assertThat(client.call("DeleteVodDomain", Map.of("DomainName", "replayed.example.com")).status())
                    .isEqualTo(200);

            server.restart();
            SignedClient after = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID,
                    TestServer.ACCESS_KEY_SECRET);
            assertNonceUsed(after.send("POST", false, captured));
            assertNonceUsed(after.send("POST", true, captured));
            assertThat(after.call("DescribeVodDomainDetail", Map.of("DomainName", "replayed.example.com")).code())
                    .isEqualTo("InvalidDomain.NotFound");
            assertThat(after.call("AddVodDomain", Map.of("DomainName", "fresh.example.com", "Sources", SOURCES))
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void aReplayAfterKill9IsRefused(@TempDir Path data) throws Exception {
        Map<String, String> captured;
        try (ChildVodcert child = ChildVodcert.start(data, "256m", "--admin-port", "-1")) {
            SignedClient client = new SignedClient(child.port(), TestServer.ACCESS_KEY_ID,
                    TestServer.ACCESS_KEY_SECRET);
            captured = signed(client, "DescribeVodDomainDetail", Map.of("DomainName", "none.example.com"));
            assertThat(client.send("POST", false, captured).code()).isEqualTo("InvalidDomain.NotFound");
            child.kill9();
        }
        try (ChildVodcert child = ChildVodcert.start(data, "256m", "--admin-port", "-1")) {
            SignedClient client = new SignedClient(child.port(), TestServer.ACCESS_KEY_ID,
                    TestServer.ACCESS_KEY_SECRET);
            assertNonceUsed(client.send("POST", false, captured));
            assertThat(client.call("DescribeVodDomainDetail", Map.of("DomainName", "none.example.com")).code())
                    .isEqualTo("InvalidDomain.NotFound");
            child.stop();
        }
        try (var files = Files.list(data.resolve(NonceJournal.FOLDER))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains(NonceJournal.KEY_FILE)
                    .anyMatch(name -> name.endsWith(".bin"));
        }
    }

    private static Map<String, String> signed(SignedClient client, String action, Map<String, String> params) {
        Map<String, String> p = client.common(action);
        p.putAll(params);
        p.put("Signature", SignatureV1.sign(TestServer.ACCESS_KEY_SECRET, SignatureV1.stringToSign("POST", p, false)));
        return p;
    }

    private static void assertNonceUsed(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.code()).as(a.body()).isEqualTo("SignatureNonceUsed");
    }
}

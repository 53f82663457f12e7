package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.Main;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import dev.vodcert.testing.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * AccessKeys are created, disabled, enabled and deleted with the real command line
 * ({@code keys create|disable|enable|delete|list}) while the service runs, and the service obeys at
 * once: the very next request with a disabled key is {@code InvalidAccessKeyId.Inactive}, with a
 * deleted key {@code InvalidAccessKeyId.NotFound}. Listing keys never shows a secret.
 */
class AccessKeyLifecycleTest {
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--data";
            all[args.length + 1] = server.dataDir().toString();
            int status = new CommandLine(new Main()).execute(all);
            assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(previous);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Answer call(String id, String secret) {
        return new SignedClient(server.port(), id, secret).call("DescribeVodDomainDetail",
                Map.of("DomainName", "nothing.keys-test.com"));
    }

    @Test
    void keysMadeDisabledEnabledAndDeletedByTheCommandLineAreObeyedAtOnce() {
        Matcher created = Pattern.compile("AccessKeyId=(\\S+)\\nAccessKeySecret=(\\S+)")
                .matcher(cli("keys", "create", "--account", "default"));
        assertThat(created.find()).isTrue();
        String id = created.group(1);
        String secret = created.group(2);
        Transcript.secret(secret);
        assertThat(call(id, secret).code()).isEqualTo("InvalidDomain.NotFound");

        assertThat(cli("keys", "disable", id)).contains("done");
        Answer disabled = call(id, secret);
        assertThat(disabled.status()).isEqualTo(400);
        assertThat(disabled.code()).isEqualTo("InvalidAccessKeyId.Inactive");
        assertThat(disabled.json().path("Message").asText()).isEqualTo("Specified access key is disabled.");
        assertThat(call(TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET).code())
                .as("other keys of the account still work").isEqualTo("InvalidDomain.NotFound");

        assertThat(cli("keys", "enable", id)).contains("done");
        assertThat(call(id, secret).code()).isEqualTo("InvalidDomain.NotFound");

        String list = cli("keys", "list");
        assertThat(list).contains(id).contains(TestServer.ACCESS_KEY_ID).doesNotContain(secret)
                .doesNotContain(TestServer.ACCESS_KEY_SECRET).doesNotContain("v1:");

        assertThat(cli("keys", "delete", id)).contains("done");
        Answer deleted = call(id, secret);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.code()).isEqualTo("InvalidAccessKeyId.NotFound");
        assertThat(cli("keys", "list")).doesNotContain(id);
    }
}

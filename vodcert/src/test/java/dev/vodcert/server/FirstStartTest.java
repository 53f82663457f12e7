package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.account.FirstKey;
import dev.vodcert.testing.SignedClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start's AccessKey: configured, or random and shown once; either way it works. */
class FirstStartTest {

    @Test
    void randomKeyIsPrintedOnceAndWrittenOwnerOnly(@TempDir Path data) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String id;
        String secret;
        try (Vodcert app = Vodcert.start(Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null)), Clock.systemUTC(),
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            String out = console.toString(StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("AccessKeyId=(\\S+)\\nAccessKeySecret=(\\S+)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            id = m.group(1);
            secret = m.group(2);
            assertThat(id).matches("LTAI[A-Za-z0-9]{20}");
            assertThat(secret).hasSize(30);
            SignedClient client = new SignedClient(app.port(), id, secret);
            assertThat(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "none.example.com")).code())
                    .isEqualTo("InvalidDomain.NotFound");
        }
        Path file = data.resolve(FirstKey.FILE);
        assertThat(Files.readString(file)).contains(id).contains(secret);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (Vodcert app = Vodcert.start(Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null)), Clock.systemUTC(), new PrintStream(again, true))) {
            assertThat(again.toString(StandardCharsets.UTF_8)).doesNotContain(secret).doesNotContain("AccessKeySecret");
            SignedClient client = new SignedClient(app.port(), id, secret);
            assertThat(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "none.example.com")).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void configuredKeyIsUsedAndNotPrinted(@TempDir Path data) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Vodcert app = Vodcert.start(Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null)).withAccessKey("myid", "mysecret"),
                Clock.systemUTC(), new PrintStream(console, true))) {
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("mysecret");
            assertThat(Files.exists(data.resolve(FirstKey.FILE))).isFalse();
            SignedClient client = new SignedClient(app.port(), "myid", "mysecret");
            assertThat(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "none.example.com")).status())
                    .isEqualTo(404);
        }
    }
}

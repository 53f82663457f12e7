package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The first AccessKey: configured (made whenever it is missing, never silently ignored), or random and shown once. */
class FirstStartTest {

    @Test
    void randomKeyIsPrintedOnceAndWrittenOwnerOnly(@TempDir Path data) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String id;
        String secret;
        try (Vodcert app = Vodcert.start(
                Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null)), Clock.systemUTC(),
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
        try (Vodcert app = Vodcert.start(
                Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null)),
                Clock.systemUTC(), new PrintStream(again, true))) {
            assertThat(again.toString(StandardCharsets.UTF_8)).doesNotContain(secret).doesNotContain("AccessKeySecret");
            SignedClient client = new SignedClient(app.port(), id, secret);
            assertThat(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "none.example.com")).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void configuredKeyIsUsedAndNotPrinted(@TempDir Path data) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Vodcert app = Vodcert.start(
                Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null)).withAccessKey("myid", "mysecret"),
                Clock.systemUTC(), new PrintStream(console, true))) {
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("mysecret");
            assertThat(Files.exists(data.resolve(FirstKey.FILE))).isFalse();
            SignedClient client = new SignedClient(app.port(), "myid", "mysecret");
            assertThat(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "none.example.com")).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aConfiguredKeyIsMadeEvenWhenAnotherKeyWasMadeBeforeTheFirstStart(@TempDir Path data) {
        try (Vodcert app = Vodcert.start(config(data).withAccessKey("earlyid", "earlysecret"), Clock.systemUTC(),
                quiet())) {
            assertThat(app.accessKeys().find("earlyid")).isPresent();
        }
        try (Vodcert app = Vodcert.start(config(data).withAccessKey("envid", "envsecret"), Clock.systemUTC(), quiet())) {
            assertWorks(app, "envid", "envsecret");
            assertWorks(app, "earlyid", "earlysecret");
        }
    }

    @Test
    void aConfiguredKeyDeletedWhileRunningIsMadeAgainAtTheNextStart(@TempDir Path data) {
        try (Vodcert app = Vodcert.start(config(data).withAccessKey("envid", "envsecret"), Clock.systemUTC(), quiet())) {
            app.accessKeys().create(app.accessKeys().account("other"));
            assertThat(app.accessKeys().delete("envid")).isTrue();
        }
        try (Vodcert app = Vodcert.start(config(data).withAccessKey("envid", "envsecret"), Clock.systemUTC(), quiet())) {
            assertWorks(app, "envid", "envsecret");
        }
    }

    @Test
    void aConfiguredKeyStoredWithAnotherSecretRefusesTheStartInOneLine(@TempDir Path data) {
        try (Vodcert app = Vodcert.start(config(data).withAccessKey("envid", "firstsecret"), Clock.systemUTC(),
                quiet())) {
            assertWorks(app, "envid", "firstsecret");
        }
        assertThatThrownBy(() -> Vodcert.start(config(data).withAccessKey("envid", "othersecret"), Clock.systemUTC(),
                quiet())).isInstanceOf(IllegalStateException.class)
                .hasMessage("The AccessKey envid of VODCERT_ACCESS_KEY_ID exists with another secret than "
                        + "VODCERT_ACCESS_KEY_SECRET: set the stored secret, or unset both variables")
                .hasMessageNotContaining("othersecret").hasMessageNotContaining("firstsecret");
    }

    @Test
    void anIdWithoutASecretRefusesTheStart(@TempDir Path data) {
        assertThatThrownBy(() -> Vodcert.start(config(data).withAccessKey("envid", null), Clock.systemUTC(), quiet()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("VODCERT_ACCESS_KEY_ID and VODCERT_ACCESS_KEY_SECRET go together: set both or neither "
                        + "(the secret is missing)");
    }

    private static Config config(Path data) {
        return Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static void assertWorks(Vodcert app, String id, String secret) {
        SignedClient client = new SignedClient(app.port(), id, secret);
        assertThat(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "none.example.com")).code())
                .isEqualTo("InvalidDomain.NotFound");
    }
}

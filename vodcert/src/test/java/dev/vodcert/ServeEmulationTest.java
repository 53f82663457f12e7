package dev.vodcert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.ChildVodcert;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command start with {@code serve --dns emulated --clock emulated}, in a child JVM as an
 * operator runs it: the console and the log say emulation is on and where to set it, and a free
 * certificate reaches {@code success} with no DNS server at all, the answer set over HTTP.
 */
class ServeEmulationTest {
    private static final Pattern ADMIN = Pattern.compile("EMULATION ON, set it through (http://\\S+/admin/emulation)");

    @TempDir
    Path dir;

    @Test
    void aFreeCertificateReachesSuccessWithTheAnswerSetOverHttp() throws Exception {
        try (ChildVodcert child = ChildVodcert.start(dir.resolve("data"), "256m", "--admin-port", "0",
                "--dns", "emulated", "--clock", "emulated")) {
            String admin = awaitLine(child).orElseThrow(() -> new AssertionError("no emulation line: " + child.output()));
            assertThat(child.output()).anyMatch(l -> l.contains("WARN") && l.contains("EMULATION ON"));
            HttpResponse<String> set = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin + "/dns"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"everythingPoints\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

            SignedClient api = new SignedClient(child.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            assertThat(api.call("AddVodDomain", Map.of("DomainName", "serve.emulated-test.com", "Sources",
                    "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]")).status()).isEqualTo(200);
            assertThat(api.call("SetVodDomainSSLCertificate", Map.of("DomainName", "serve.emulated-test.com",
                    "SSLProtocol", "on", "CertType", "free")).status()).isEqualTo(200);
            String status = "";
            for (long end = System.nanoTime() + 30_000_000_000L; !status.equals("success") && System.nanoTime() < end; ) {
                Thread.sleep(50);
                status = api.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "serve.emulated-test.com"))
                        .json().path("CertInfos").path("CertInfo").path(0).path("Status").asText();
            }
            assertThat(status).isEqualTo("success");
        }
    }

    @Test
    void anUnknownModeStopsTheStartNamingTheSwitch() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.vodcert.Main", "serve", "--port", "0", "--admin-port", "-1",
                "--data", dir.resolve("data2").toString(), "--dns", "fake").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(out).contains("vodcert: cannot start: --dns must be resolver or emulated, not fake");
    }

    private static Optional<String> awaitLine(ChildVodcert child) throws InterruptedException {
        for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end; Thread.sleep(20)) {
            for (String line : child.output()) {
                Matcher m = ADMIN.matcher(line);
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }
}

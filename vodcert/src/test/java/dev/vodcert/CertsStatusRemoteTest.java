package dev.vodcert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.domain.VodDomain;
import dev.vodcert.server.IssuanceConfig;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.FreeCertServer;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code certs status} while the service runs: through its operators' listener ({@code --admin-url},
 * the token from {@code VODCERT_ADMIN_TOKEN}), and on the PostgreSQL database the service uses.
 */
class CertsStatusRemoteTest {
    private static final String TOKEN = "certs-status-token";

    private record Run(int exit, String out, String err) {
    }

    @Test
    void throughTheOperatorsListenerOfARunningService() {
        try (DnsTestServer dns = new DnsTestServer(); FreeCertServer s = new FreeCertServer(dns, TOKEN)) {
            String stuck = "remote-" + UUID.randomUUID().toString().substring(0, 6) + ".vodcert-test.com";
            s.addDomain(stuck);
            dns.setCname(stuck, "elsewhere.example.net");
            s.requestFree(stuck);
            s.runOnce();
            String url = "http://127.0.0.1:" + s.server.app().adminPort();
            UnaryOperator<String> env = Map.of("VODCERT_ADMIN_TOKEN", TOKEN)::get;

            Run all = run(env, "--admin-url", url);
            assertThat(all.exit()).isZero();
            assertThat(all.out()).contains(stuck).contains("status: cname_error")
                    .contains("observed CNAME: elsewhere.example.net").contains("resolver: " + dns.resolver());
            Run one = run(env, "--admin-url", url + "/", "--domain", stuck.toUpperCase());
            assertThat(one.exit()).isZero();
            assertThat(one.out()).isEqualTo(all.out());
            Run nobody = run(env, "--admin-url", url, "--domain", "nobody.vodcert-test.com");
            assertThat(nobody.exit()).isEqualTo(1);
            assertThat(nobody.out()).contains("No free certificate for nobody.vodcert-test.com.");

            Run noToken = run(name -> null, "--admin-url", url);
            assertThat(noToken.exit()).isEqualTo(2);
            assertThat(noToken.err()).contains("refused: set VODCERT_ADMIN_TOKEN");
            assertThat(noToken.out()).isEmpty();
        }
    }

    @Test
    void onThePostgresDatabaseOfARunningService() {
        String jdbcUrl = EmbeddedPostgresServer.shared().newDatabase();
        // the lifecycle loop stays off: its CNAME checks would ask the machine's resolver
        try (TestServer server = new TestServer(Clock.systemUTC(), c -> TestServer.postgres(jdbcUrl).apply(c)
                .withIssuance(IssuanceConfig.defaults().withRunLoop(false)))) {
            String name = "pg-" + UUID.randomUUID().toString().substring(0, 6) + ".vodcert-test.com";
            SignedClient.Answer added = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID,
                    TestServer.ACCESS_KEY_SECRET).call("AddVodDomain", Map.of("DomainName", name, "Sources",
                    "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]"));
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            VodDomain domain = server.app().domains().get(server.app().accessKeys().account("default"), name);
            server.app().freeCertificates().request(domain);
            Run run = run(n -> null, "--jdbc-url", jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                    + "user=" + EmbeddedPostgresServer.USER + "&password=" + EmbeddedPostgresServer.PASSWORD);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains(name + "\n  status: checking");
        }
    }

    private static Run run(UnaryOperator<String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CertsStatusCommand command = new CertsStatusCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        command.env = env;
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

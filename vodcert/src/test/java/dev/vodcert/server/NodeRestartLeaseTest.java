package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.domain.VodDomain;
import dev.vodcert.issuance.RateLimits;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A node killed while it held a lease and started again under the same {@code --node-id} does
 * not keep that lease alive: it starts working on nothing, so it gives back every lease under its
 * name before its heartbeat runs, and the domain is issued at once instead of never (the
 * heartbeat would extend the stale lease for as long as the node lives).
 */
class NodeRestartLeaseTest {
    private static final String NODE = "node-stable";

    @Test
    void aNodeRestartedUnderTheSameNameGivesBackTheLeasesOfItsEarlierLife() throws Exception {
        String jdbcUrl = EmbeddedPostgresServer.shared().newDatabase();
        String name = "restart.vodcert-test.com";
        try (DnsTestServer dns = new DnsTestServer();
             Connection db = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER,
                     EmbeddedPostgresServer.PASSWORD);
             Statement s = db.createStatement()) {
            try (TestServer before = new TestServer(Clock.systemUTC(), node(jdbcUrl, dns, false))) {
                SignedClient client = new SignedClient(before.port(), TestServer.ACCESS_KEY_ID,
                        TestServer.ACCESS_KEY_SECRET);
                assertThat(client.call("AddVodDomain", Map.of("DomainName", name, "Sources",
                        CrashWrites.SOURCES)).status()).isEqualTo(200);
                VodDomain domain = before.app().domains().get(before.app().accessKeys().account("default"), name);
                dns.setCname(name, domain.cname());
                before.app().freeCertificates().request(domain);
            }
            long hourAhead = System.currentTimeMillis() + 3_600_000;
            assertThat(s.executeUpdate("UPDATE free_certificate SET lease_owner = '" + NODE + "', lease_expires_at = "
                    + hourAhead)).as("the lease the earlier life held when it died").isEqualTo(1);

            try (TestServer after = new TestServer(Clock.systemUTC(), node(jdbcUrl, dns, true))) {
                long deadline = System.currentTimeMillis() + 60_000;
                String status = status(s);
                while (!"success".equals(status) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                    status = status(s);
                }
                assertThat(status).as("issued by the restarted node, not held by its own stale lease")
                        .isEqualTo("success");
            }
        }
    }

    private static UnaryOperator<Config> node(String jdbcUrl, DnsTestServer dns, boolean runLoop) {
        IssuanceConfig issuance = new IssuanceConfig("local-ca", null, dns.resolver(), Duration.ofSeconds(5),
                RateLimits.NONE, runLoop, NODE);
        return c -> TestServer.postgres(jdbcUrl).apply(c).withIssuance(issuance);
    }

    private static String status(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT status FROM free_certificate")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}

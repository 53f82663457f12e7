package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.ChildVodcert;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issuance happens once, and survives {@code kill -9} of the node doing it (issue 5 point 3): two
 * child vodcert JVMs ({@code serve --jdbc-url}, local CA, {@code --lease-seconds 10}) on one
 * PostgreSQL database, {@value #DOMAINS} domains asking for free certificates through the API
 * (CNAMEs served by pebble-challtestsrv). The test watches the lease table, kills the node that
 * holds a lease the moment it sees one (a node that happens to hold none by then is replaced and
 * the hunt goes on), and reads which leases the dead node left behind. The other node takes that
 * work over once those leases expire, and every domain ends {@code success} through
 * DescribeVodDomainCertificateInfo on the survivor. Exactly once: every domain placed one order
 * with the CA, except a domain whose lease the dead node held, which may have placed a second one
 * (its first certificate was cut off before it was stored, so it was never issued as far as anyone
 * can see); each domain holds one stored certificate, the one the survivor reports.
 */
class LeaseTakeoverTest {
    private static final int DOMAINS = Integer.getInteger("vodcert.lease.domains", 150);
    /** Long enough that the dead node's leases are read before any can expire, even on a loaded machine. */
    private static final int LEASE_SECONDS = 10;
    private static final long DEADLINE_MS = 120_000;

    @TempDir
    Path data;

    @Test
    void theOtherNodeTakesOverTheLeasesOfAKilledNodeAndEachDomainIsIssuedOnce() throws Exception {
        String jdbcUrl = EmbeddedPostgresServer.shared().newDatabase() + PostgresCrashTest.LOADED_MACHINE;
        List<ChildVodcert> started = new ArrayList<>();
        try (DnsTestServer dns = new DnsTestServer(); LeaseTable table = new LeaseTable(jdbcUrl)) {
            Map<String, ChildVodcert> nodes = new HashMap<>();
            for (String id : List.of("node-a", "node-b")) {
                nodes.put(id, node(id, jdbcUrl, dns, started));
            }
            SignedClient onA = CrashScenario.client(nodes.get("node-a"));
            List<String> names = addDomainsWithCnames(onA, dns);
            requestFreeCertificates(onA, names);

            LeaseTable.Kill kill = null;
            for (int attempt = 1; kill == null && attempt <= 5; attempt++) {
                String holder = table.awaitHolder(System.currentTimeMillis() + DEADLINE_MS);
                ChildVodcert victim = nodes.remove(holder);
                assertThat(victim).as("the lease holder %s is a running node", holder).isNotNull();
                victim.kill9();
                LeaseTable.Kill seen = table.leftBy(holder);
                if (seen.leases().isEmpty()) {
                    String replacement = holder + "-" + attempt;
                    nodes.put(replacement, node(replacement, jdbcUrl, dns, started));
                } else {
                    kill = seen;
                }
            }
            assertThat(kill).as("a node was killed while it held a lease").isNotNull();
            System.out.printf("lease takeover: killed %s holding the leases (domain id=expiry) %s%n", kill.owner(),
                    kill.leases());

            table.awaitAllSuccess(DOMAINS, System.currentTimeMillis() + DEADLINE_MS);
            SignedClient survivor = CrashScenario.client(nodes.values().iterator().next());
            for (String name : names) {
                Answer a = survivor.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", name));
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                JsonNode info = a.json().path("CertInfos").path("CertInfo").get(0);
                assertThat(info.path("CertType").asText()).as(name).isEqualTo("free");
                assertThat(info.path("Status").asText()).as(name).isEqualTo("success");
                assertThat(info.path("ServerCertificateStatus").asText()).as(name).isEqualTo("on");
                assertThat(info.path("CertDomainName").asText()).isEqualTo(name);
            }
            Map<Long, Long> orders = table.ordersPerDomain();
            assertThat(orders).as("domains that placed an order").hasSize(DOMAINS);
            Map<Long, Long> repeated = new HashMap<>(orders);
            repeated.values().removeIf(n -> n == 1);
            assertThat(kill.leases().keySet()).as("domains ordered more than once were cut off by the kill")
                    .containsAll(repeated.keySet());
            assertThat(repeated.values()).as("at most one order again after the kill").allMatch(n -> n == 2);
            assertThat(table.certificatesPerDomain()).as("one stored certificate per domain, the one reported")
                    .hasSize(DOMAINS).allSatisfy((domain, n) -> assertThat(n).isEqualTo(1));
            assertThat(table.freeCertificateNotTheDomains()).as("lifecycle rows pointing elsewhere than their domain")
                    .isZero();
            for (Map.Entry<Long, Long> lease : kill.leases().entrySet()) {
                assertThat(table.updatedAt(lease.getKey())).as("domain %d resumed only after the dead node's lease"
                        + " expired", lease.getKey()).isGreaterThanOrEqualTo(lease.getValue());
            }
        } finally {
            for (ChildVodcert c : started) {
                c.stop();
            }
        }
    }

    /** Starts a node; nodes start one after the other, so that the first creates the master key and the AccessKey. */
    private ChildVodcert node(String id, String jdbcUrl, DnsTestServer dns, List<ChildVodcert> started) {
        ChildVodcert child = ChildVodcert.start(data, "256m", Map.of("VODCERT_DB_PASSWORD",
                        EmbeddedPostgresServer.PASSWORD), "--jdbc-url", jdbcUrl, "--db-user", EmbeddedPostgresServer.USER,
                "--node-id", id, "--issuer", "local-ca", "--dns-resolver", dns.resolver(), "--rate-limits", "none",
                "--lease-seconds", Integer.toString(LEASE_SECONDS), "--domain-limit", "100000", "--admin-port", "-1");
        started.add(child);
        return child;
    }

    private static List<String> addDomainsWithCnames(SignedClient client, DnsTestServer dns) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < DOMAINS; i++) {
            names.add("lease" + i + ".takeover-test.com");
        }
        inParallel(names, name -> {
            ok(client.call("AddVodDomain", Map.of("DomainName", name, "Sources", CrashWrites.SOURCES)));
            String cname = ok(client.call("DescribeVodDomainDetail", Map.of("DomainName", name))).json()
                    .path("DomainDetail").path("Cname").asText();
            assertThat(cname).endsWith(".w.alikunlun.com");
            dns.setCname(name, cname);
        });
        return names;
    }

    private static void requestFreeCertificates(SignedClient client, List<String> names) throws Exception {
        inParallel(names, name -> ok(client.call("SetVodDomainSSLCertificate", Map.of("DomainName", name,
                "SSLProtocol", "on", "CertType", "free"))));
    }

    private static void inParallel(List<String> names, java.util.function.Consumer<String> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            names.forEach(n -> done.add(pool.submit(() -> work.accept(n))));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }
}

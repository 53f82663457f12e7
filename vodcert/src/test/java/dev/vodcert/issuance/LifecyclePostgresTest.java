package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.domain.VodDomain;
import dev.vodcert.store.Database;
import dev.vodcert.store.FreeCertificateStore;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's SQL on a real PostgreSQL (embedded, on a free port): the migration, two nodes
 * and their leases, a node that died while applying, the rate limiter's lock and reservations.
 */
class LifecyclePostgresTest {
    private static EmbeddedPostgres postgres;
    private static DnsTestServer dns;
    private static LifecycleFixture f;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dns = new DnsTestServer();
        f = new LifecycleFixture(new TestClock(Instant.parse("2026-04-01T00:00:00Z")),
                Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, 4));
    }

    @AfterAll
    static void stop() throws IOException {
        f.close();
        dns.close();
        postgres.close();
    }

    private Lifecycle node(String owner, Issuer issuer) {
        return f.node(owner, DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), issuer,
                new RateLimits(1, Duration.ofHours(3), 50, Duration.ofDays(7)));
    }

    @Test
    void twoNodesAQueueARenewalAndACrashOnPostgres() {
        TestIssuers.Controlled issuerA = new TestIssuers.Controlled(f.localCa());
        TestIssuers.Controlled issuerB = new TestIssuers.Controlled(f.localCa());
        Lifecycle a = node("pg-a", issuerA);
        Lifecycle b = node("pg-b", issuerB);
        VodDomain first = f.addDomain("first.pg-test.com");
        VodDomain second = f.addDomain("second.pg-test.com");
        dns.setCname(first.domainName(), first.cname());
        dns.setCname(second.domainName(), second.cname());
        f.service().request(first);
        f.service().request(second);
        f.service().request(first);

        issuerA.during = name -> assertThat(b.runOnce()).as("B leaves A's row alone and queues the other").isEqualTo(1);
        a.runOnce();
        assertThat(issuerB.asked).isEmpty();
        assertThat(f.row(first).status()).isEqualTo(FreeCertStatus.SUCCESS);
        FreeCertificate queued = f.row(second);
        assertThat(queued.status()).isEqualTo(FreeCertStatus.CHECKING);
        assertThat(queued.orderReservedAt()).isEqualTo(f.clock.millis() + Duration.ofHours(3).toMillis());

        f.clock.set(Instant.ofEpochMilli(queued.nextAttemptAt()));
        long now = f.clock.millis();
        assertThat(f.store.takeLease(second.id(), "dead-node", now, now + 120_000)).isTrue();
        assertThat(f.store.save(f.row(second).withStatus(FreeCertStatus.APPLYING), "dead-node", true, now)).isTrue();
        assertThat(b.runOnce()).isZero();
        f.clock.advance(Duration.ofMinutes(3));
        b.runOnce();
        assertThat(f.row(second).status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(f.domain(second.domainName()).certId()).isEqualTo(f.row(second).certId());
        assertThat(issuerA.asked).containsExactly(first.domainName());
        assertThat(issuerB.asked).containsExactly(second.domainName());
        assertThat(f.store.list(null, "", 10)).extracting(FreeCertificateStore.Listed::domainName)
                .containsExactly(first.domainName(), second.domainName());
    }
}

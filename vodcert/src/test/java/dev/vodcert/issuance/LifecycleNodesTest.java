package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.domain.VodDomain;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several nodes on one database: leases, heartbeat, a node that dies in the middle of
 * {@code applying}, and work that becomes an orphan (lifecycle stopped, domain deleted).
 */
class LifecycleNodesTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static DnsTestServer dns;

    private LifecycleFixture f;
    private TestIssuers.Controlled issuerA;
    private TestIssuers.Controlled issuerB;
    private Lifecycle nodeA;
    private Lifecycle nodeB;

    @BeforeAll
    static void startDns() {
        dns = new DnsTestServer();
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @BeforeEach
    void setUp() {
        f = new LifecycleFixture(new TestClock(Instant.parse("2026-06-01T00:00:00Z")));
        issuerA = new TestIssuers.Controlled(f.localCa());
        issuerB = new TestIssuers.Controlled(f.localCa());
        nodeA = f.node("node-a", DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), issuerA, RateLimits.NONE);
        nodeB = f.node("node-b", DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), issuerB, RateLimits.NONE);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private VodDomain requested() {
        VodDomain d = f.addDomain("node" + NEXT.incrementAndGet() + ".lifecycle-test.com");
        dns.setCname(d.domainName(), d.cname());
        f.service().request(d);
        return d;
    }

    /** What a node that died while applying leaves behind: status applying, its lease not expired yet. */
    private void leftApplyingByADeadNode(VodDomain d) {
        long now = f.clock.millis();
        assertThat(f.store.takeLease(d.id(), "dead-node", now, now + LifecycleTiming.leaseTtl().toMillis())).isTrue();
        assertThat(f.store.save(f.row(d).withStatus(FreeCertStatus.APPLYING), "dead-node", true, now)).isTrue();
    }

    @Test
    void whileOneNodeHoldsTheLeaseAndBeatsTheOtherNeverTouchesTheDomain() {
        VodDomain d = requested();
        issuerA.during = name -> {
            assertThat(nodeB.runOnce()).isZero();
            f.clock.advance(Duration.ofSeconds(100));
            nodeA.heartbeat();
            f.clock.advance(Duration.ofSeconds(100));
            assertThat(nodeB.runOnce()).as("200 s in, past the first TTL, but the heartbeat extended it").isZero();
        };
        nodeA.runOnce();
        assertThat(issuerB.asked).isEmpty();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
    }

    @Test
    void aLeaseThatExpiresMidIssuanceMayGiveADuplicateButNeverACorruptState() {
        VodDomain d = requested();
        issuerA.during = name -> {
            f.clock.advance(LifecycleTiming.leaseTtl().plusSeconds(1));
            assertThat(nodeB.runOnce()).isEqualTo(1);
        };
        nodeA.runOnce();
        assertThat(issuerA.asked).hasSize(1);
        assertThat(issuerB.asked).hasSize(1);
        FreeCertificate row = f.row(d);
        assertThat(row.status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(f.domain(d.domainName()).certId()).isEqualTo(row.certId());
        long freeCertificates = f.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM certificate WHERE cert_type = 'free'").mapTo(Long.class).one());
        assertThat(freeCertificates).as("the duplicate replaced and removed, not left dangling").isEqualTo(1);
    }

    @Test
    void aFirstIssuanceLeftApplyingByADeadNodeResumesOnceItsLeaseExpires() {
        VodDomain d = requested();
        leftApplyingByADeadNode(d);

        assertThat(nodeB.runOnce()).isZero();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.APPLYING);
        f.clock.advance(LifecycleTiming.leaseTtl().plusMillis(1));
        assertThat(nodeB.runOnce()).isEqualTo(1);

        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(f.row(d).leaseOwner()).isNull();
        assertThat(f.domain(d.domainName()).certId()).isEqualTo(f.row(d).certId());
    }

    @Test
    void aRenewalLeftApplyingByADeadNodeNeverLosesTheCertificateInEffect() {
        VodDomain d = requested();
        nodeA.runOnce();
        long first = f.row(d).certId();
        f.clock.set(Instant.ofEpochMilli(f.row(d).renewAt()));
        leftApplyingByADeadNode(d);

        assertThat(f.domain(d.domainName()).certId()).isEqualTo(first);
        f.clock.advance(LifecycleTiming.leaseTtl().plusMillis(1));
        nodeB.runOnce();

        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(f.row(d).certId()).isNotEqualTo(first);
        assertThat(f.domain(d.domainName()).certId()).isEqualTo(f.row(d).certId());
        assertThat(issuerB.asked).hasSize(1);
    }

    @Test
    void aCleanShutdownGivesItsLeasesBackAtOnce() {
        VodDomain d = requested();
        leftApplyingByADeadNode(d);
        Lifecycle dead = f.node("dead-node", DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), issuerA,
                RateLimits.NONE);
        dead.releaseLeases();
        assertThat(nodeB.runOnce()).isEqualTo(1);
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
    }

    @Test
    void stoppingTheLifecycleDuringIssuanceDropsTheOrphanCertificate() {
        VodDomain d = requested();
        issuerA.during = name -> f.service().stop(f.domain(name));
        nodeA.runOnce();
        assertThat(issuerA.issued).hasSize(1);
        assertThat(f.store.find(d.id())).isEmpty();
        assertThat(f.domain(d.domainName()).certId()).isNull();
        long certificates = f.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM certificate")
                .mapTo(Long.class).one());
        assertThat(certificates).isZero();
    }

    @Test
    void deletingTheDomainDeletesItsLifecycle() {
        VodDomain d = requested();
        f.database.jdbi().useHandle(h -> h.execute("DELETE FROM vod_domain WHERE id = ?", d.id()));
        assertThat(f.store.find(d.id())).isEmpty();
        assertThat(nodeA.runOnce()).isZero();
        assertThat(issuerA.asked).isEmpty();
    }
}

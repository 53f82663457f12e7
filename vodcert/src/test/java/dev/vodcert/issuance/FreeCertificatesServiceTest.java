package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.domain.VodDomain;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asking for a free certificate in the awkward cases of issue 4 (README, "Decisions"): HTTPS off,
 * a stopped domain, twice in a row, while one is being issued, after an error; and stopping.
 */
class FreeCertificatesServiceTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static DnsTestServer dns;

    private LifecycleFixture f;
    private TestIssuers.Controlled issuer;
    private Lifecycle node;

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
        f = new LifecycleFixture(new TestClock(Instant.parse("2026-07-01T00:00:00Z")));
        issuer = new TestIssuers.Controlled(f.localCa());
        node = f.node("node-a", DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), issuer,
                RateLimits.LETS_ENCRYPT);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private VodDomain domain() {
        VodDomain d = f.addDomain("ask" + NEXT.incrementAndGet() + ".lifecycle-test.com");
        dns.setCname(d.domainName(), d.cname());
        return d;
    }

    private long orders() {
        return f.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM certificate_order")
                .mapTo(Long.class).one());
    }

    @Test
    void aDomainWithHttpsOffIsAcceptedAndGetsHttpsOnceIssued() {
        VodDomain d = domain();
        assertThat(d.sslProtocol()).isEqualTo("off");
        f.service().request(d);
        assertThat(f.domain(d.domainName()).sslProtocol()).as("unchanged until issued").isEqualTo("off");
        node.runOnce();
        assertThat(f.domain(d.domainName()).sslProtocol()).isEqualTo("on");
    }

    @Test
    void aStoppedDomainIsRefusedAndNothingIsStored() {
        VodDomain d = domain();
        f.database.jdbi().useHandle(h -> h.execute("UPDATE vod_domain SET domain_status = 'offline' WHERE id = ?",
                d.id()));
        assertThatThrownBy(() -> f.service().request(f.domain(d.domainName())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidDomain.Offline");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(d.domainName()).contains("offline");
                });
        assertThat(f.store.find(d.id())).isEmpty();
    }

    @Test
    void askingTwiceInARowIsOneLifecycle() {
        VodDomain d = domain();
        f.service().request(d);
        FreeCertificate first = f.row(d);
        f.clock.advance(Duration.ofSeconds(1));
        f.service().request(d);
        assertThat(f.row(d)).isEqualTo(first);
        node.runOnce();
        assertThat(issuer.asked).hasSize(1);
    }

    @Test
    void askingWhileACertificateIsBeingIssuedChangesNothing() {
        VodDomain d = domain();
        f.service().request(d);
        List<FreeCertStatus> afterAskingAgain = new ArrayList<>();
        issuer.during = name -> {
            f.service().request(f.domain(name));
            afterAskingAgain.add(f.row(d).status());
        };
        node.runOnce();
        assertThat(afterAskingAgain).containsExactly(FreeCertStatus.APPLYING);
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(issuer.asked).hasSize(1);
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void askingAgainWithACertificateInEffectOrdersNothing() {
        VodDomain d = domain();
        f.service().request(d);
        node.runOnce();
        FreeCertificate issued = f.row(d);
        f.service().request(f.domain(d.domainName()));
        assertThat(f.row(d)).isEqualTo(issued);
        assertThat(node.runOnce()).isZero();
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void askingAgainAfterACnameErrorChecksAgainAtOnce() {
        VodDomain d = f.addDomain("again" + NEXT.incrementAndGet() + ".lifecycle-test.com");
        f.service().request(d);
        node.runOnce();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.CNAME_ERROR);
        dns.setCname(d.domainName(), d.cname());
        f.service().request(f.domain(d.domainName()));
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.CHECKING);
        assertThat(f.row(d).checks()).isZero();
        assertThat(f.row(d).nextAttemptAt()).isEqualTo(f.clock.millis());
        node.runOnce();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
    }

    @Test
    void stoppingEndsTheLifecycleAndTheIssuedCertificateStays() {
        VodDomain d = domain();
        f.service().request(d);
        node.runOnce();
        long certId = f.row(d).certId();
        f.service().stop(f.domain(d.domainName()));
        assertThat(f.store.find(d.id())).isEmpty();
        assertThat(f.domain(d.domainName()).certId()).isEqualTo(certId);
        f.clock.advance(Duration.ofDays(80));
        assertThat(node.runOnce()).as("no renewal once stopped").isZero();
    }
}

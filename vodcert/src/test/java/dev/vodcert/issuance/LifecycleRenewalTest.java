package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.domain.VodDomain;
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

/** Renewal: when a third of the lifetime remains, success -> applying -> success; failures keep the old certificate. */
class LifecycleRenewalTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static DnsTestServer dns;

    private LifecycleFixture f;
    private TestIssuers.Controlled issuer;
    private Lifecycle node;
    private VodDomain domain;
    private long firstCertId;

    @BeforeAll
    static void startDns() {
        dns = new DnsTestServer();
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @BeforeEach
    void issueTheFirstCertificate() {
        f = new LifecycleFixture(new TestClock(Instant.parse("2026-05-01T08:00:00Z")));
        issuer = new TestIssuers.Controlled(f.localCa());
        node = f.node("node-a", DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), issuer, RateLimits.NONE);
        domain = f.addDomain("renew" + NEXT.incrementAndGet() + ".lifecycle-test.com");
        dns.setCname(domain.domainName(), domain.cname());
        f.service().request(domain);
        node.runOnce();
        assertThat(f.row(domain).status()).isEqualTo(FreeCertStatus.SUCCESS);
        firstCertId = f.row(domain).certId();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private long notAfter(long certId) {
        return f.database.jdbi().withHandle(h -> h.createQuery("SELECT not_after FROM certificate WHERE id = :id")
                .bind("id", certId).mapTo(Long.class).one());
    }

    private boolean certificateExists(long certId) {
        return f.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM certificate WHERE id = :id")
                .bind("id", certId).mapTo(Integer.class).one()) == 1;
    }

    @Test
    void renewalStartsWhenAThirdOfTheLifetimeRemainsMinusJitter() {
        FreeCertificate row = f.row(domain);
        long lifetime = Duration.ofDays(90).toMillis();
        long notAfter = notAfter(firstCertId);
        assertThat(row.renewAt()).isBetween(notAfter - lifetime / 3 - lifetime / 10, notAfter - lifetime / 3);

        f.clock.set(Instant.ofEpochMilli(row.renewAt() - 1));
        assertThat(node.runOnce()).isZero();
        assertThat(issuer.asked).hasSize(1);
    }

    @Test
    void aRenewalGoesApplyingThenSuccessAndTheNewCertificateReplacesTheOld() {
        long firstExpiry = notAfter(firstCertId);
        f.clock.set(Instant.ofEpochMilli(f.row(domain).renewAt()));
        List<String> duringRenewal = new ArrayList<>();
        issuer.during = name -> duringRenewal.add(f.row(domain).status().wire() + " serving "
                + f.domain(domain.domainName()).certId());

        node.runOnce();

        assertThat(duringRenewal).containsExactly("applying serving " + firstCertId);
        FreeCertificate row = f.row(domain);
        assertThat(row.status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(row.certId()).isNotEqualTo(firstCertId);
        assertThat(f.domain(domain.domainName()).certId()).isEqualTo(row.certId());
        assertThat(notAfter(row.certId())).isGreaterThan(firstExpiry);
        assertThat(row.renewAt()).isGreaterThan(f.clock.millis());
        assertThat(certificateExists(firstCertId)).as("the superseded free certificate is removed").isFalse();
    }

    @Test
    void aRenewalKeepsHttpsAsTheUserLeftIt() {
        f.domains.setSslProtocol(domain.id(), "off", f.clock.millis());
        f.clock.set(Instant.ofEpochMilli(f.row(domain).renewAt()));
        node.runOnce();
        assertThat(f.row(domain).certId()).isNotEqualTo(firstCertId);
        assertThat(f.domain(domain.domainName()).sslProtocol()).isEqualTo("off");
    }

    @Test
    void aFailedRenewalKeepsTheOldCertificateServingAndRetriesWithBackoff() {
        f.clock.set(Instant.ofEpochMilli(f.row(domain).renewAt()));
        issuer.failWith = new IssuanceFailure("the CA is down");

        node.runOnce();

        FreeCertificate row = f.row(domain);
        assertThat(row.status()).as("Status describes the certificate in effect").isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(row.certId()).isEqualTo(firstCertId);
        assertThat(f.domain(domain.domainName()).certId()).isEqualTo(firstCertId);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("controlled: the CA is down");
        assertThat(row.nextAttemptAt()).isEqualTo(f.clock.millis() + LifecycleTiming.backoffAfter(1).toMillis());

        issuer.failWith = null;
        f.clock.set(Instant.ofEpochMilli(row.nextAttemptAt()));
        node.runOnce();
        assertThat(f.row(domain).certId()).isNotEqualTo(firstCertId);
        assertThat(f.row(domain).attempts()).isZero();
        assertThat(f.row(domain).lastError()).isNull();
    }

    @Test
    void renewalKeepsTryingWhileTheOldCertificateIsValidAndFailsOnlyOnceItExpired() {
        long expiry = notAfter(firstCertId);
        f.clock.set(Instant.ofEpochMilli(f.row(domain).renewAt()));
        issuer.failWith = new IssuanceFailure("the CA is down");
        int attempts = 0;
        while (f.clock.millis() <= expiry) {
            node.runOnce();
            attempts++;
            assertThat(f.row(domain).status()).isEqualTo(FreeCertStatus.SUCCESS);
            f.clock.set(Instant.ofEpochMilli(f.row(domain).nextAttemptAt()));
        }
        assertThat(attempts).as("daily tries across the window, beyond the first-issuance cap")
                .isGreaterThan(LifecycleTiming.MAX_ATTEMPTS);

        node.runOnce();
        FreeCertificate expired = f.row(domain);
        assertThat(expired.status()).isEqualTo(FreeCertStatus.FAILED);
        assertThat(expired.nextAttemptAt()).as("past the cap and expired: parked").isEqualTo(LifecycleTiming.PARKED);
        assertThat(f.domain(domain.domainName()).certId()).isEqualTo(firstCertId);

        issuer.failWith = null;
        f.service().request(f.domain(domain.domainName()));
        node.runOnce();
        assertThat(f.row(domain).status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(f.row(domain).certId()).isNotEqualTo(firstCertId);
    }
}

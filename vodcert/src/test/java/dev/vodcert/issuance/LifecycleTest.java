package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.PemParser;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.store.Database;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.TestClock;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop's transitions with real DNS (pebble-challtestsrv), the built-in CA and a test clock, on
 * the embedded H2 file the service runs on: checking, cname_error, a DNS failure, applying, success,
 * failed with backoff, the cap, the CA's rate limit, and how a pass writes (its leases in one
 * transaction, its decisions in another; before an issuance step it gives back the rows not reached).
 * Renewal, crashes and nodes are in {@link LifecycleRenewalTest} and
 * {@link LifecycleNodesTest}.
 */
class LifecycleTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static DnsTestServer dns;

    @TempDir
    Path data;
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
        f = new LifecycleFixture(new TestClock(Instant.parse("2026-03-01T00:00:00Z")),
                Database.open(Database.h2Url(data), null, null, 4));
        issuer = new TestIssuers.Controlled(f.localCa());
        node = f.node("node-a", DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), issuer, RateLimits.NONE);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private VodDomain domainWithCname() {
        VodDomain d = f.addDomain("site" + NEXT.incrementAndGet() + ".lifecycle-test.com");
        dns.setCname(d.domainName(), d.cname());
        return d;
    }

    @Test
    void checkingThenApplyingThenSuccessWithTheIssuedCertificateInPlace() throws Exception {
        VodDomain d = domainWithCname();
        f.service().request(d);
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.CHECKING);
        List<FreeCertStatus> seenWhileIssuing = new ArrayList<>();
        issuer.during = name -> seenWhileIssuing.add(f.row(d).status());

        assertThat(node.runOnce()).isEqualTo(1);

        assertThat(seenWhileIssuing).containsExactly(FreeCertStatus.APPLYING);
        FreeCertificate row = f.row(d);
        VodDomain after = f.domain(d.domainName());
        assertThat(row.status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(row.cnameStatus()).isEqualTo("ok");
        assertThat(after.cnameStatus()).isEqualTo("ok");
        assertThat(after.certId()).isEqualTo(row.certId());
        assertThat(after.sslProtocol()).isEqualTo("on");
        assertThat(row.attempts()).isZero();
        assertThat(row.lastError()).isNull();
        assertThat(row.leaseOwner()).isNull();
        X509Certificate leaf = PemParser.parseChain(issuer.last().chainPem()).get(0);
        assertThat(row.renewAt()).isEqualTo(RenewalSchedule.renewAt(d.domainName(), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant()).toEpochMilli());
        assertThat(row.nextAttemptAt()).isEqualTo(row.renewAt());
        assertThat(issuer.asked).containsExactly(d.domainName());
    }

    @Test
    void aWrongCnameIsCnameErrorAndFixingDnsRecoversOnTheNextScheduledCheck() {
        VodDomain d = f.addDomain("wrong" + NEXT.incrementAndGet() + ".lifecycle-test.com");
        dns.setCname(d.domainName(), "somewhere-else.example.net");
        f.service().request(d);

        node.runOnce();
        FreeCertificate row = f.row(d);
        assertThat(row.status()).isEqualTo(FreeCertStatus.CNAME_ERROR);
        assertThat(row.cnameStatus()).isEqualTo("cname_error");
        assertThat(f.domain(d.domainName()).cnameStatus()).isEqualTo("cname_error");
        assertThat(row.observedCname()).isEqualTo("somewhere-else.example.net");
        assertThat(row.resolver()).isEqualTo(dns.resolver());
        assertThat(row.lastError()).contains("must be a CNAME to " + d.cname());
        assertThat(row.nextAttemptAt()).isEqualTo(f.clock.millis() + LifecycleTiming.CHECK_FIRST_SECONDS * 1000);

        f.clock.advance(Duration.ofSeconds(LifecycleTiming.CHECK_FIRST_SECONDS));
        node.runOnce();
        assertThat(f.row(d).checks()).isEqualTo(2);
        assertThat(f.row(d).nextAttemptAt()).as("re-checks space out")
                .isEqualTo(f.clock.millis() + 2 * LifecycleTiming.CHECK_FIRST_SECONDS * 1000);

        dns.setCname(d.domainName(), d.cname());
        assertThat(node.runOnce()).as("not due yet: nothing happens before the scheduled check").isZero();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.CNAME_ERROR);
        f.clock.advance(Duration.ofSeconds(2 * LifecycleTiming.CHECK_FIRST_SECONDS));
        node.runOnce();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(f.domain(d.domainName()).cnameStatus()).isEqualTo("ok");
        assertThat(issuer.asked).hasSize(1);
    }

    @Test
    void aDnsFailureKeepsCheckingAndRetries() {
        VodDomain d = f.addDomain("servfail" + NEXT.incrementAndGet() + ".lifecycle-test.com");
        dns.setServfail(d.domainName());
        f.service().request(d);

        node.runOnce();
        FreeCertificate row = f.row(d);
        assertThat(row.status()).isEqualTo(FreeCertStatus.CHECKING);
        assertThat(row.cnameStatus()).isNull();
        assertThat(row.lastError()).contains("SERVFAIL");
        assertThat(row.checks()).isEqualTo(1);
        assertThat(issuer.asked).isEmpty();

        dns.clearServfail(d.domainName());
        dns.setCname(d.domainName(), d.cname());
        f.clock.advance(LifecycleTiming.recheckAfter(1));
        node.runOnce();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
    }

    @Test
    void publicCasRefuseReservedNamesAndWildcardsAndTheRowIsParked() {
        VodDomain reserved = f.addDomain("video.example.test");
        VodDomain wildcard = f.addDomain("*.wild" + NEXT.incrementAndGet() + ".lifecycle-test.com");
        f.service().request(reserved);
        f.service().request(wildcard);

        node.runOnce();
        assertThat(f.row(reserved).status()).isEqualTo(FreeCertStatus.DOMAIN_INVALID);
        assertThat(f.row(reserved).lastError()).contains("reserved top-level domain .test");
        assertThat(f.row(wildcard).status()).isEqualTo(FreeCertStatus.UNSUPPORT_WILDCARD);
        assertThat(f.row(wildcard).nextAttemptAt()).isEqualTo(LifecycleTiming.PARKED);
        f.clock.advance(Duration.ofDays(400));
        assertThat(node.runOnce()).isZero();
        assertThat(issuer.asked).isEmpty();
    }

    @Test
    void aFailingIssuerGivesFailedWithTheReasonThenRecoversAfterTheBackoff() {
        VodDomain d = domainWithCname();
        f.service().request(d);
        issuer.failWith = new IssuanceFailure("connection refused by the CA");

        node.runOnce();
        FreeCertificate row = f.row(d);
        assertThat(row.status()).isEqualTo(FreeCertStatus.FAILED);
        assertThat(row.lastError()).isEqualTo("controlled: connection refused by the CA");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.nextAttemptAt()).isEqualTo(f.clock.millis() + LifecycleTiming.BACKOFF_FIRST_SECONDS * 1000);
        assertThat(f.domain(d.domainName()).certId()).isNull();

        issuer.failWith = null;
        f.clock.advance(Duration.ofSeconds(LifecycleTiming.BACKOFF_FIRST_SECONDS - 1));
        assertThat(node.runOnce()).isZero();
        f.clock.advance(Duration.ofSeconds(1));
        node.runOnce();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(f.row(d).attempts()).isZero();
        assertThat(f.domain(d.domainName()).certId()).isNotNull();
    }

    @Test
    void backoffIsFrontLoadedAndCappedThenAskingAgainRestarts() {
        VodDomain d = domainWithCname();
        f.service().request(d);
        issuer.failWith = new IssuanceFailure("the CA is down");
        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= LifecycleTiming.MAX_ATTEMPTS; attempt++) {
            node.runOnce();
            FreeCertificate row = f.row(d);
            assertThat(row.attempts()).isEqualTo(attempt);
            if (row.nextAttemptAt() != LifecycleTiming.PARKED) {
                waits.add((row.nextAttemptAt() - f.clock.millis()) / 1000);
                f.clock.set(Instant.ofEpochMilli(row.nextAttemptAt()));
            }
        }
        assertThat(waits).containsExactly(60L, 240L, 960L, 3840L, 15360L, 61440L, 86400L, 86400L, 86400L);
        FreeCertificate parked = f.row(d);
        assertThat(parked.status()).isEqualTo(FreeCertStatus.FAILED);
        assertThat(parked.nextAttemptAt()).isEqualTo(LifecycleTiming.PARKED);
        assertThat(parked.lastError()).contains("gave up after 10 attempts");
        f.clock.advance(Duration.ofDays(30));
        assertThat(node.runOnce()).isZero();

        issuer.failWith = null;
        f.service().request(d);
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.CHECKING);
        assertThat(f.row(d).attempts()).isZero();
        node.runOnce();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.SUCCESS);
    }

    @Test
    void theCasRateLimitIsAWaitNotAFailure() {
        VodDomain d = domainWithCname();
        f.service().request(d);
        Instant retryAfter = f.clock.instant().plus(Duration.ofHours(2));
        issuer.failWith = new IssuanceFailure("too many new orders recently", true, retryAfter, null);

        node.runOnce();
        FreeCertificate row = f.row(d);
        assertThat(row.status()).isEqualTo(FreeCertStatus.CHECKING);
        assertThat(row.attempts()).isZero();
        assertThat(row.nextAttemptAt()).isEqualTo(retryAfter.toEpochMilli());
        assertThat(row.lastError()).contains("rate limited").contains("too many new orders recently");
    }

    @Test
    void anIssuerReturningACertificateForAnotherNameFails() {
        VodDomain d = domainWithCname();
        LocalCaIssuer ca = f.localCa();
        Lifecycle liar = f.node("node-liar", DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), new Issuer() {
            @Override
            public String name() {
                return "liar";
            }

            @Override
            public IssuedCertificate issue(String name) {
                return ca.issue("not-" + name);
            }
        }, RateLimits.NONE);
        f.service().request(d);
        liar.runOnce();
        assertThat(f.row(d).status()).isEqualTo(FreeCertStatus.FAILED);
        assertThat(f.row(d).lastError()).startsWith("liar: the issued certificate cannot be used: the certificate"
                + " does not cover the domain " + d.domainName());
        assertThat(f.domain(d.domainName()).certId()).isNull();
    }

    @Test
    void aPassOfTwentyChecksCommitsTwice() {
        List<VodDomain> domains = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            VodDomain d = f.addDomain("nocname" + i + ".pass-test.com");
            f.service().request(d);
            domains.add(d);
        }
        long before = storeVersion();
        assertThat(node.runOnce()).isEqualTo(20);
        long commits = storeVersion() - before;

        assertThat(commits).as("H2 store versions written by the pass (one per commit)").isEqualTo(2);
        for (VodDomain d : domains) {
            FreeCertificate row = f.row(d);
            assertThat(row.status()).isEqualTo(FreeCertStatus.CNAME_ERROR);
            assertThat(row.checks()).isEqualTo(1);
            assertThat(row.leaseOwner()).isNull();
            assertThat(f.domain(d.domainName()).cnameStatus()).isEqualTo("cname_error");
        }
        assertThat(node.runOnce()).as("nothing is due until the recheck").isZero();
        assertThat(storeVersion()).as("a pass with nothing due writes nothing").isEqualTo(before + commits);
    }

    @Test
    void anIssuanceStepGivesBackTheRowsNotReachedAndTheLoopGoesOn() {
        VodDomain issued = f.addDomain("issued.pass-test.com");
        dns.setCname(issued.domainName(), issued.cname());
        VodDomain later = f.addDomain("later.pass-test.com");
        VodDomain last = f.addDomain("last.pass-test.com");
        f.service().request(issued);
        f.service().request(later);
        f.service().request(last);
        List<String> leasedWhileIssuing = new ArrayList<>();
        issuer.during = name -> {
            leasedWhileIssuing.add(String.valueOf(f.row(later).leaseOwner()));
            leasedWhileIssuing.add(String.valueOf(f.row(last).leaseOwner()));
        };

        assertThat(node.runOnce()).isEqualTo(3);

        assertThat(leasedWhileIssuing).as("lease owners of the other rows during the order").containsExactly("null", "null");
        assertThat(f.row(issued).status()).isEqualTo(FreeCertStatus.SUCCESS);
        assertThat(f.row(later).status()).isEqualTo(FreeCertStatus.CNAME_ERROR);
        assertThat(f.row(last).status()).isEqualTo(FreeCertStatus.CNAME_ERROR);
        assertThat(issuer.asked).containsExactly(issued.domainName());
    }

    /** The MVStore version of the database file: with WRITE_DELAY=0 every commit writes one. */
    private long storeVersion() {
        return f.database.jdbi().withHandle(h -> h.createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME = 'info.CURRENT_VERSION'").mapTo(Long.class).one());
    }
}

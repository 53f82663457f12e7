package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.domain.VodDomain;
import dev.vodcert.store.Database;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a pass of the loop writes, on the embedded H2 file the service runs on: its leases in one
 * transaction and its decisions in another, not two per row; and before an issuance step it gives
 * back the rows it has not reached, then goes on with another pass.
 */
class LifecyclePassTest {
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
        f = new LifecycleFixture(new TestClock(Instant.parse("2026-05-01T00:00:00Z")),
                Database.open(Database.h2Url(data), null, null, 4));
        issuer = new TestIssuers.Controlled(f.localCa());
        node = f.node("node-a", DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2)), issuer, RateLimits.NONE);
    }

    @AfterEach
    void tearDown() {
        f.close();
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

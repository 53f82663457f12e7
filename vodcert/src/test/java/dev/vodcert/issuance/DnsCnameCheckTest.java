package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.issuance.CnameCheck.Outcome;
import dev.vodcert.issuance.CnameCheck.Result;
import dev.vodcert.testing.DnsTestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CNAME check against a real DNS server (pebble-challtestsrv on 127.0.0.1). */
class DnsCnameCheckTest {
    private static DnsTestServer dns;
    private static DnsCnameCheck check;

    @BeforeAll
    static void start() {
        dns = new DnsTestServer();
        check = DnsCnameCheck.of(dns.resolver(), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    @Test
    void theAssignedCnamePasses() {
        dns.setCname("ok.dnscheck.com", "ok.dnscheck.com.w.alikunlun.com");
        Result r = check.check("ok.dnscheck.com", "ok.dnscheck.com.w.alikunlun.com");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.observed()).isEqualTo("ok.dnscheck.com.w.alikunlun.com");
        assertThat(r.resolver()).isEqualTo(dns.resolver());
        assertThat(r.error()).isEmpty();
    }

    @Test
    void caseAndTrailingDotDoNotMatter() {
        dns.setCname("case.dnscheck.com", "CASE.dnscheck.com.W.alikunlun.com.");
        assertThat(check.check("case.dnscheck.com", "case.dnscheck.com.w.alikunlun.com").outcome())
                .isEqualTo(Outcome.OK);
    }

    @Test
    void anotherTargetIsAMismatchNamingWhatWasSeen() {
        dns.setCname("wrong.dnscheck.com", "elsewhere.example.net");
        Result r = check.check("wrong.dnscheck.com", "wrong.dnscheck.com.w.alikunlun.com");
        assertThat(r.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(r.observed()).isEqualTo("elsewhere.example.net");
        assertThat(r.error()).contains("is a CNAME to elsewhere.example.net")
                .contains("must be a CNAME to wrong.dnscheck.com.w.alikunlun.com");
    }

    @Test
    void noCnameRecordIsAMismatch() {
        Result r = check.check("bare.dnscheck.com", "bare.dnscheck.com.w.alikunlun.com");
        assertThat(r.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(r.observed()).isEmpty();
        assertThat(r.error()).contains("bare.dnscheck.com has no CNAME record");
    }

    @Test
    void aChainThatReachesTheTargetPasses() {
        dns.setCname("chain.dnscheck.com", "edge.dnscheck.net");
        dns.setCname("edge.dnscheck.net", "chain.dnscheck.com.w.alikunlun.com");
        Result r = check.check("chain.dnscheck.com", "chain.dnscheck.com.w.alikunlun.com");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.observed()).isEqualTo("edge.dnscheck.net");
    }

    @Test
    void aCnameLoopEndsAsAMismatch() {
        dns.setCname("loop-a.dnscheck.com", "loop-b.dnscheck.com");
        dns.setCname("loop-b.dnscheck.com", "loop-a.dnscheck.com");
        assertThat(check.check("loop-a.dnscheck.com", "loop-a.dnscheck.com.w.alikunlun.com").outcome())
                .isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void servfailIsADnsFailureNotAVerdict() {
        dns.setServfail("broken.dnscheck.com");
        Result r = check.check("broken.dnscheck.com", "broken.dnscheck.com.w.alikunlun.com");
        assertThat(r.outcome()).isEqualTo(Outcome.DNS_FAILURE);
        assertThat(r.error()).contains("SERVFAIL");
        dns.clearServfail("broken.dnscheck.com");
    }

    @Test
    void aResolverThatDoesNotAnswerIsADnsFailureWithinTheTimeout() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsCnameCheck mute = DnsCnameCheck.of("127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300));
            long start = System.nanoTime();
            Result r = mute.check("quiet.dnscheck.com", "quiet.dnscheck.com.w.alikunlun.com");
            assertThat(r.outcome()).isEqualTo(Outcome.DNS_FAILURE);
            assertThat(r.error()).startsWith("DNS query for quiet.dnscheck.com failed");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    /**
     * dnsjava finishes each answer on the common pool, which {@code CompletableFuture} replaces by a
     * thread per task on two cores or fewer: 40 checks started 40 threads there before DnsExchange.
     */
    @Test
    void checksDoNotStartAThreadEach() {
        dns.setCname("threads.dnscheck.com", "threads.dnscheck.com.w.alikunlun.com");
        check.check("threads.dnscheck.com", "threads.dnscheck.com.w.alikunlun.com");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 40; i++) {
            assertThat(check.check("threads.dnscheck.com", "threads.dnscheck.com.w.alikunlun.com").outcome())
                    .isEqualTo(Outcome.OK);
        }
        assertThat(threads.getTotalStartedThreadCount() - before).isLessThanOrEqualTo(2);
    }
}

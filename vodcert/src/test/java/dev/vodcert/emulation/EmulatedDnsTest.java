package dev.vodcert.emulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.issuance.CnameCheck.Outcome;
import dev.vodcert.issuance.CnameCheck.Result;
import org.junit.jupiter.api.Test;

/** The table answers as a resolver would, through the same outcomes the lifecycle acts on. */
class EmulatedDnsTest {
    private final EmulatedDns dns = new EmulatedDns();

    @Test
    void aNameWithoutAnEntryHasNoCnameUnlessEverythingPoints() {
        Result none = dns.check("a.example.com", "a.example.com.w.alikunlun.com");
        assertThat(none.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(none.error()).contains("has no CNAME record");
        dns.everythingPoints(true);
        Result ok = dns.check("a.example.com", "a.example.com.w.alikunlun.com");
        assertThat(ok.outcome()).isEqualTo(Outcome.OK);
        assertThat(ok.observed()).isEqualTo("a.example.com.w.alikunlun.com");
        assertThat(ok.resolver()).isEqualTo(EmulatedDns.RESOLVER);
    }

    @Test
    void chainsAreFollowedAndNamesComparedWithoutCaseOrTrailingDot() {
        dns.setCname("WWW.Example.com.", "edge.example.net");
        dns.setCname("edge.example.net", "www.example.com.w.alikunlun.com.");
        Result r = dns.check("www.example.com", "www.example.com.W.alikunlun.com");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.observed()).isEqualTo("edge.example.net");
    }

    @Test
    void aLoopOrAnotherTargetIsAMismatchNamingWhereItEnds() {
        dns.setCname("x.example.com", "y.example.com");
        dns.setCname("y.example.com", "x.example.com");
        assertThat(dns.check("x.example.com", "x.example.com.w.alikunlun.com").outcome()).isEqualTo(Outcome.MISMATCH);
        dns.setCname("z.example.com", "cdn.other.net");
        Result r = dns.check("z.example.com", "z.example.com.w.alikunlun.com");
        assertThat(r.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(r.error()).contains("is a CNAME to cdn.other.net");
    }

    @Test
    void servfailIsADnsFailureNxdomainAMismatchAndAnEntryWinsOverEverythingPoints() {
        dns.everythingPoints(true);
        dns.setServfail("s.example.com");
        dns.setNxdomain("n.example.com");
        assertThat(dns.check("s.example.com", "s.example.com.w.alikunlun.com").outcome())
                .isEqualTo(Outcome.DNS_FAILURE);
        assertThat(dns.check("n.example.com", "n.example.com.w.alikunlun.com").error()).contains("NXDOMAIN");
        dns.clear("n.example.com");
        assertThat(dns.check("n.example.com", "n.example.com.w.alikunlun.com").outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void unicodeNamesAreKeptInAsciiAndNonNamesRefused() {
        dns.setCname("bücher.example", "t.example.net");
        assertThat(dns.answers()).containsKey("xn--bcher-kva.example");
        assertThatThrownBy(() -> dns.setServfail(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.vodcert.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.testing.ChallTestSrv;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Real DNS queries through a configured resolver: pebble-challtestsrv on a free port of 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DnsLookupTest {
    private ChallTestSrv dns;
    private DnsLookup lookup;

    @BeforeAll
    void start() {
        dns = ChallTestSrv.start();
        lookup = new DnsLookup(dns.dnsAddress(), Duration.ofSeconds(2));
    }

    @AfterAll
    void stop() {
        dns.close();
    }

    @Test
    void txtRecordsAreReadAndCleared() throws Exception {
        assertThat(lookup.txt("verification.txt-read.test").values()).isEmpty();
        dns.setTxt("verification.txt-read.test", "verify_0123456789abcdef0123456789abcdef");
        assertThat(lookup.txt("verification.txt-read.test").values())
                .containsExactly("verify_0123456789abcdef0123456789abcdef");
        dns.clearTxt("verification.txt-read.test");
        assertThat(lookup.txt("verification.txt-read.test").values()).isEmpty();
    }

    @Test
    void addressesComeFromTheResolver() throws Exception {
        assertThat(lookup.addresses("anything.test")).containsExactly(InetAddress.getByName("127.0.0.1"));
        dns.addA("two.test", List.of("127.0.0.2", "127.0.0.3"));
        assertThat(lookup.addresses("two.test")).extracting(InetAddress::getHostAddress)
                .containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3");
    }

    @Test
    void servfailIsAFailureNamingTheCode() {
        dns.setServfail("broken.test");
        try {
            assertThatThrownBy(() -> lookup.txt("broken.test")).isInstanceOf(DnsFailure.class)
                    .hasMessageContaining("SERVFAIL").hasMessageContaining(dns.dnsAddress());
        } finally {
            dns.clearServfail("broken.test");
        }
    }

    @Test
    void aResolverThatNeverAnswersTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsLookup mute = new DnsLookup("127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThatThrownBy(() -> mute.txt("verification.example.com")).isInstanceOf(DnsFailure.class)
                    .hasMessageContaining("TXT query for verification.example.com");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void resolverAddressesParse() {
        assertThat(DnsLookup.address("127.0.0.1:5353").getPort()).isEqualTo(5353);
        assertThat(DnsLookup.address("127.0.0.1").getPort()).isEqualTo(53);
        assertThat(DnsLookup.address("[::1]:54").getPort()).isEqualTo(54);
        assertThat(DnsLookup.address("[::1]:54").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> DnsLookup.address("127.0.0.1:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsLookup.address("127.0.0.1:70000")).isInstanceOf(IllegalArgumentException.class);
    }
}

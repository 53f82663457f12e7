package dev.vodcert.server;

import dev.vodcert.testing.TempFolders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.issuance.Issuer;
import dev.vodcert.issuance.LocalCaIssuer;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.TestServer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In a running server the loop runs by itself: a requested free certificate gets issued without
 * anyone calling a pass, and closing the server stops the loop. The test waits on the issuer's
 * signal (bounded), not on a sleep.
 */
class LifecycleThreadTest {

    @Test
    void theServersLoopIssuesByItselfAndStopsOnClose() throws Exception {
        byte[] key = new byte[KeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        LocalCaIssuer ca = LocalCaIssuer.inDataFolder(TempFolders.create("thread-ca"), new KeyCipher(key),
                Clock.systemUTC());
        CountDownLatch issued = new CountDownLatch(1);
        Issuer signalling = new Issuer() {
            @Override
            public String name() {
                return "local-ca";
            }

            @Override
            public IssuedCertificate issue(String name) {
                IssuedCertificate c = ca.issue(name);
                issued.countDown();
                return c;
            }
        };
        try (DnsTestServer dns = new DnsTestServer();
             TestServer server = new TestServer(Clock.systemUTC(), c -> c.withIssuance(IssuanceConfig.defaults()
                     .withDnsResolver(dns.resolver())), signalling)) {
            String name = "loop.vodcert-test.com";
            var client = new dev.vodcert.testing.SignedClient(server.port(), TestServer.ACCESS_KEY_ID,
                    TestServer.ACCESS_KEY_SECRET);
            assertThat(client.call("AddVodDomain", Map.of("DomainName", name, "Sources",
                    "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]")).status())
                    .isEqualTo(200);
            var domain = server.app().domains().get(server.app().accessKeys().account("default"), name);
            dns.setCname(name, domain.cname());
            server.app().freeCertificates().request(domain);

            assertThat(issued.await(60, TimeUnit.SECONDS)).as("the loop thread issued the certificate").isTrue();
        }
    }
}

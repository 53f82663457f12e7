package dev.vodcert.edge;

import static dev.vodcert.edge.EdgeFixture.addDomain;
import static dev.vodcert.edge.EdgeFixture.ok;
import static dev.vodcert.edge.EdgeFixture.serial;
import static dev.vodcert.edge.EdgeFixture.upload;
import static dev.vodcert.edge.EdgeFixture.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.testing.Issued;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The built-in edge on real sockets: the certificate a handshake gets is chosen by SNI from what
 * the API stored, per tenant and through wildcards; names not served are refused with a TLS alert;
 * requests reach the domain's origin with the domain's name as {@code Host}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeHttpsTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private EdgeFixture fx;
    private TinyOrigin origin;

    @BeforeAll
    void start() {
        fx = EdgeFixture.onH2();
        origin = new TinyOrigin("one", 0);
    }

    @AfterAll
    void stop() {
        origin.close();
        fx.close();
    }

    private static String unique(String prefix) {
        return prefix + NEXT.incrementAndGet() + ".edge-test.com";
    }

    @Test
    void eachTenantsDomainPresentsItsOwnCertificate() throws Exception {
        String a = unique("a");
        String b = unique("b");
        addDomain(fx.client, a, origin.sources());
        addDomain(fx.other, b, origin.sources());
        Issued certA = upload(fx.client, a, a);
        Issued certB = upload(fx.other, b, b);

        assertThat(TlsProbe.handshake(fx.https(), a).getSerialNumber()).isEqualTo(serial(certA));
        assertThat(TlsProbe.handshake(fx.https(), b).getSerialNumber()).isEqualTo(serial(certB));
        assertThat(TlsProbe.handshake(fx.https(), a.toUpperCase()).getSerialNumber()).isEqualTo(serial(certA));
    }

    @Test
    void aWildcardDomainServesItsSubdomainsButNotItsApex() throws Exception {
        String apex = unique("w");
        addDomain(fx.client, "." + apex, origin.sources());
        Issued wild = upload(fx.client, "*." + apex, "*." + apex);

        assertThat(TlsProbe.handshake(fx.https(), "video." + apex).getSerialNumber()).isEqualTo(serial(wild));
        TlsProbe.Answer answer = TlsProbe.get(fx.https(), "video." + apex, "video." + apex, "/x");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("host=video." + apex + " ");
        assertRefused(apex, "unrecognized_name");
    }

    @Test
    void unknownOfflineAndHttpsOffNamesAreRefusedWithAnAlert() throws Exception {
        assertRefused(unique("nobody"), "unrecognized_name");

        String off = unique("off");
        addDomain(fx.client, off, origin.sources());
        upload(fx.client, off, off);
        TlsProbe.handshake(fx.https(), off);
        ok(fx.client.call("SetVodDomainCertificate", Map.of("DomainName", off, "SSLProtocol", "off")));
        within(EdgeFixture.PROPAGATION, "HTTPS off refused", () -> refused(off));
        assertRefused(off, "unrecognized_name");

        String down = unique("down");
        addDomain(fx.client, down, origin.sources());
        upload(fx.client, down, down);
        TlsProbe.handshake(fx.https(), down);
        ok(fx.client.call("BatchStopVodDomain", Map.of("DomainNames", down)));
        within(EdgeFixture.PROPAGATION, "offline refused", () -> refused(down));
        assertRefused(down, "unrecognized_name");
        assertThat(TlsProbe.plainGet(fx.http(), down, "/").status()).isEqualTo(404);

        // No server name: nothing to choose by; the handshake fails without a certificate.
        assertThatThrownBy(() -> TlsProbe.handshake(fx.https(), null)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void requestsReachTheOriginWithTheDomainAsHostOverHttpsAndHttp() throws Exception {
        String d = unique("proxy");
        addDomain(fx.client, d, origin.sources());
        upload(fx.client, d, d);

        TlsProbe.Answer https = TlsProbe.get(fx.https(), d, d + ":" + fx.https(), "/video/1.m3u8?t=1");
        assertThat(https.status()).as(https.body()).isEqualTo(200);
        assertThat(https.body()).isEqualTo("origin=one host=" + d + " path=/video/1.m3u8?t=1 xff=127.0.0.1");
        TlsProbe.Answer http = TlsProbe.plainGet(fx.http(), d, "/plain");
        assertThat(http.status()).isEqualTo(200);
        assertThat(http.body()).startsWith("origin=one host=" + d + " path=/plain");
        assertThat(TlsProbe.alpn(fx.https(), d)).isEqualTo("h2");
    }

    @Test
    void curlGetsTheOriginOverHttp2() throws Exception {
        String d = unique("h2");
        addDomain(fx.client, d, origin.sources());
        upload(fx.client, d, d);
        Process curl = new ProcessBuilder("curl", "--http2", "-sk", "--max-time", "20", "--resolve",
                d + ":" + fx.https() + ":127.0.0.1", "-w", "\n%{http_version} %{http_code}",
                "https://" + d + ":" + fx.https() + "/over-h2").redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(curl.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("origin=one host=" + d + " path=/over-h2 xff=127.0.0.1\n2 200");
    }

    @Test
    void aHostOfAnotherDomainOnTheConnectionIsMisdirected() throws Exception {
        String a = unique("ma");
        String b = unique("mb");
        addDomain(fx.client, a, origin.sources());
        addDomain(fx.other, b, origin.sources());
        upload(fx.client, a, a);
        upload(fx.other, b, b);

        TlsProbe.Answer answer = TlsProbe.get(fx.https(), a, b, "/");
        assertThat(answer.status()).isEqualTo(421);
        assertThat(answer.body()).doesNotContain("origin=");
    }

    @Test
    void anOriginDownIsA502AndASlowOneA504WhileOtherDomainsAreServed() throws Exception {
        String up = unique("up");
        String down = unique("gone");
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        addDomain(fx.client, up, origin.sources());
        addDomain(fx.client, down, "[{\"content\":\"127.0.0.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":"
                + closed + "}]");
        upload(fx.client, up, up);
        upload(fx.client, down, down);

        assertThat(TlsProbe.get(fx.https(), down, down, "/").status()).isEqualTo(502);
        assertThat(TlsProbe.plainGet(fx.http(), down, "/").status()).isEqualTo(502);
        assertThat(TlsProbe.get(fx.https(), up, up, "/").status()).isEqualTo(200);

        try (TinyOrigin slow = new TinyOrigin("slow", 10_000)) {
            String late = unique("late");
            addDomain(fx.client, late, slow.sources());
            assertThat(TlsProbe.plainGet(fx.http(), late, "/slow").status()).isEqualTo(504);
            assertThat(TlsProbe.plainGet(fx.http(), late, "/fast").status()).isEqualTo(200);
        }
        assertThat(TlsProbe.get(fx.https(), up, up, "/").status()).isEqualTo(200);
    }

    @Test
    void aDeletedDomainIsRefusedWithinSeconds() throws Exception {
        String d = unique("del");
        addDomain(fx.client, d, origin.sources());
        upload(fx.client, d, d);
        TlsProbe.handshake(fx.https(), d);
        ok(fx.client.call("DeleteVodDomain", Map.of("DomainName", d)));
        within(EdgeFixture.PROPAGATION, "deleted domain refused", () -> refused(d));
    }

    private boolean refused(String name) {
        try {
            TlsProbe.handshake(fx.https(), name);
            return false;
        } catch (SSLHandshakeException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void assertRefused(String sni, String alert) {
        assertThatThrownBy(() -> TlsProbe.handshake(fx.https(), sni))
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining(alert);
    }
}

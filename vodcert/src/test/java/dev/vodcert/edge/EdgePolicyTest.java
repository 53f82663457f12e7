package dev.vodcert.edge;

import static dev.vodcert.edge.EdgeFixture.addDomain;
import static dev.vodcert.edge.EdgeFixture.ok;
import static dev.vodcert.edge.EdgeFixture.upload;
import static dev.vodcert.edge.EdgeFixture.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The domain configuration rules of {@code BatchSetVodDomainConfigs} enforced by the edge, seen
 * through real requests: forced HTTPS and forced HTTP redirects, HSTS, the TLS versions a domain
 * allows, and the origin {@code Host} of {@code set_req_host_header}.
 */
class EdgePolicyTest {
    private static final String[] TLS12 = {"TLSv1.2"};
    private static final String[] TLS13 = {"TLSv1.3"};

    @Test
    void httpsRulesAreEnforcedOnRealRequests() throws Exception {
        try (EdgeFixture fx = EdgeFixture.onH2(); TinyOrigin origin = new TinyOrigin("cfg", 0)) {
            String d = "policy.edge-test.com";
            addDomain(fx.client, d, origin.sources());
            upload(fx.client, d, d);
            assertThat(TlsProbe.handshake(fx.https(), d, TLS13)).isNotNull();
            assertThat(TlsProbe.plainGet(fx.http(), d, "/a?b=1").status()).isEqualTo(200);

            ok(fx.client.call("BatchSetVodDomainConfigs", Map.of("DomainNames", d, "Functions", "["
                    + rule("https_force", "enable", "on", "https_rewrite", "308") + ","
                    + rule("HSTS", "enabled", "on", "https_hsts_max_age", "86400") + ","
                    + rule("https_tls_version", "tls13", "off") + ","
                    + rule("set_req_host_header", "domain_name", "origin.internal.test") + "]")));

            within(EdgeFixture.PROPAGATION, "forced HTTPS",
                    () -> TlsProbe.plainGet(fx.http(), d, "/a?b=1").status() == 308);
            TlsProbe.Answer redirect = TlsProbe.plainGet(fx.http(), d, "/a?b=1");
            assertThat(redirect.headers()).containsIgnoringCase("Location: https://" + d + ":" + fx.https() + "/a?b=1");

            TlsProbe.Answer https = TlsProbe.get(fx.https(), d, TLS12, d, "/a?b=1");
            assertThat(https.status()).isEqualTo(200);
            assertThat(https.body()).startsWith("origin=cfg host=origin.internal.test path=/a?b=1");
            assertThat(https.headers()).containsIgnoringCase("Strict-Transport-Security: max-age=86400");
            assertThatThrownBy(() -> TlsProbe.handshake(fx.https(), d, TLS13)).isInstanceOf(SSLHandshakeException.class);

            String back = "plain.edge-test.com";
            addDomain(fx.client, back, origin.sources());
            upload(fx.client, back, back);
            ok(fx.client.call("BatchSetVodDomainConfigs", Map.of("DomainNames", back, "Functions", "["
                    + rule("http_force", "enable", "on") + "]")));
            within(EdgeFixture.PROPAGATION, "forced HTTP",
                    () -> TlsProbe.get(fx.https(), back, back, "/v").status() == 301);
            assertThat(TlsProbe.get(fx.https(), back, back, "/v").headers())
                    .containsIgnoringCase("Location: http://" + back + ":" + fx.http() + "/v");
            assertThat(TlsProbe.get(fx.https(), back, back, "/v").headers())
                    .doesNotContainIgnoringCase("Strict-Transport-Security");
        }
    }

    private static String rule(String function, String... args) {
        StringBuilder out = new StringBuilder("{\"functionName\":\"" + function + "\",\"functionArgs\":[");
        for (int i = 0; i < args.length; i += 2) {
            out.append(i == 0 ? "" : ",").append("{\"argName\":\"").append(args[i]).append("\",\"argValue\":\"")
                    .append(args[i + 1]).append("\"}");
        }
        return out.append("]}").toString();
    }
}

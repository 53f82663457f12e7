package dev.vodcert.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.certificate.CertificateFacts;
import dev.vodcert.certificate.PemParser;
import dev.vodcert.issuance.Issuers;
import dev.vodcert.issuance.Lifecycle;
import dev.vodcert.server.IssuanceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

/**
 * A vodcert whose free certificates come from a real {@link PebbleServer} through its ACME issuer,
 * driven the way a user drives it: domains and certificate requests through the API (signed with
 * the {@link TestClock}), what happens read back with {@code DescribeVodDomainCertificateInfo} and
 * the admin endpoint. The loop thread is off: tests run passes with {@link #runOnce()} and move
 * {@link #clock} instead of sleeping. The CNAME check asks Pebble's own DNS (challtestsrv).
 */
public final class PebbleVodcert implements AutoCloseable {
    /** How long a pass may wait for a paused Pebble before the ACME client gives up. */
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final TestClock clock = TestClock.atNow();
    public final PebbleServer pebble;
    public final TestServer server;

    public PebbleVodcert(PebbleServer pebble) {
        this(pebble, pebble.httpPort());
    }

    /**
     * @param challengeListenerPort the port of the service's own HTTP-01 listener; 0 for none (when
     *     something else, such as the built-in edge, answers on Pebble's port)
     */
    public PebbleVodcert(PebbleServer pebble, int challengeListenerPort) {
        this.pebble = pebble;
        this.server = new TestServer(clock, c -> c
                .withAcme(pebble.acmeSettings().withTimeouts(NETWORK_TIMEOUT, Duration.ofMinutes(2)), "127.0.0.1",
                        challengeListenerPort)
                .withIssuance(new IssuanceConfig(Issuers.ACME, pebble.directory().toString(), pebble.dnsServer(),
                        Duration.ofSeconds(5), IssuanceConfig.defaults().rateLimits(), false, null)));
    }

    /** A client of the server as it runs now (its port changes on restart), signing with {@link #clock}. */
    public SignedClient client() {
        return new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET, clock);
    }

    /** Adds the domain through the API and returns its assigned {@code Cname}. */
    public String addDomain(String name) {
        ok(client().call("AddVodDomain", Map.of("DomainName", name, "Sources",
                "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]")));
        return detail(name).path("Cname").asText();
    }

    /** Adds the domain and points its CNAME, on Pebble's DNS, at the assigned one. */
    public void addDomainWithCname(String name) {
        pebble.setCname(name, addDomain(name));
    }

    public JsonNode detail(String name) {
        return ok(client().call("DescribeVodDomainDetail", Map.of("DomainName", name))).json().path("DomainDetail");
    }

    /** {@code SetVodDomainSSLCertificate} with {@code SSLProtocol=on} and {@code CertType=free}. */
    public SignedClient.Answer requestFree(String name) {
        return client().call("SetVodDomainSSLCertificate", Map.of("DomainName", name, "SSLProtocol", "on",
                "CertType", "free"));
    }

    /** The one CertInfo of {@code DescribeVodDomainCertificateInfo}. */
    public JsonNode info(String name) {
        JsonNode list = ok(client().call("DescribeVodDomainCertificateInfo", Map.of("DomainName", name))).json()
                .path("CertInfos").path("CertInfo");
        if (list.size() != 1) {
            throw new AssertionError("expected one CertInfo: " + list);
        }
        return list.get(0);
    }

    public String status(String name) {
        return info(name).path("Status").asText();
    }

    /** The leaf of the {@code ServerCertificate} reported for the domain. */
    public X509Certificate served(String name) {
        return PemParser.parseChain(info(name).path("ServerCertificate").asText()).get(0);
    }

    /**
     * Asserts the domain reads {@code success} with a certificate Pebble issued for it, its
     * {@code CertExpireTime} that certificate's NotAfter; returns that certificate.
     */
    public X509Certificate assertServedByPebble(String name) {
        JsonNode info = info(name);
        assertThat(info.path("Status").asText()).as(info.toString()).isEqualTo("success");
        assertThat(info.path("CertType").asText()).isEqualTo("free");
        assertThat(info.path("DomainCnameStatus").asText()).isEqualTo("ok");
        assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("on");
        X509Certificate leaf = PemParser.parseChain(info.path("ServerCertificate").asText()).get(0);
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=" + name);
        assertThat(leaf.getIssuerX500Principal().getName()).startsWith("CN=Pebble Intermediate CA");
        assertThat(info.path("CertExpireTime").asText())
                .isEqualTo(CertificateFacts.formatTime(leaf.getNotAfter().toInstant()));
        return leaf;
    }

    /** The operators' view of the domain, from the admin endpoint. */
    public JsonNode report(String name) {
        JsonNode list = reports(name);
        if (list.size() != 1) {
            throw new AssertionError("expected one report: " + list);
        }
        return list.get(0);
    }

    /** Every report the admin endpoint has for the domain (none when it has no free certificate). */
    public JsonNode reports(String name) {
        try {
            return new ObjectMapper().readTree(admin("/admin/free-certificates?domain=" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many orders Pebble created for this node, by vodcert's ACME request metrics (201 on new-order). */
    public long ordersCreated() {
        return admin("/metrics").lines()
                .filter(l -> l.startsWith("certmanager_http_acme_client_request_count{"))
                .filter(l -> l.contains("path=\"/order-plz\"") && l.contains("status=\"201\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private String admin(String pathAndQuery) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.app().adminPort() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One pass of the lifecycle loop; how many domains it acted on. */
    public int runOnce() {
        return server.app().lifecycle().runOnce();
    }

    /**
     * Freezes Pebble and runs a pass on another thread until it has logged {@code domain}'s move
     * to {@code applying}: the ACME order has started and waits on Pebble. {@link InFlight#finish()}
     * lets Pebble go on and waits for the pass to end.
     */
    public InFlight passWithOrderInFlight(String domain) {
        pebble.pauseAcme();
        Thread pass = new Thread(this::runOnce, "pass-with-order-in-flight");
        try (LogWatch applying = LogWatch.of(Lifecycle.class, "free certificate " + domain + ": ", " -> applying")) {
            pass.start();
            applying.await(Duration.ofSeconds(30));
        } catch (RuntimeException | AssertionError e) {
            pebble.resumeAcme();
            throw e;
        }
        return new InFlight(pass);
    }

    /** A pass whose ACME order waits on a paused Pebble. */
    public final class InFlight {
        private final Thread pass;

        private InFlight(Thread pass) {
            this.pass = pass;
        }

        /** Resumes Pebble and waits for the pass to end. */
        public void finish() {
            pebble.resumeAcme();
            try {
                pass.join(NETWORK_TIMEOUT.plusSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (pass.isAlive()) {
                throw new AssertionError("the pass did not end after Pebble resumed");
            }
        }
    }

    public static SignedClient.Answer ok(SignedClient.Answer a) {
        if (a.status() != 200) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return a;
    }

    @Override
    public void close() {
        server.close();
    }
}

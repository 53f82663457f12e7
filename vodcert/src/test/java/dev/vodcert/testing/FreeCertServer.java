package dev.vodcert.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.issuance.IssuanceFailure;
import dev.vodcert.issuance.Issuer;
import dev.vodcert.issuance.LocalCaIssuer;
import dev.vodcert.server.AdminConfig;
import dev.vodcert.server.IssuanceConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link TestServer} set up for free certificates: its CNAME checks ask a {@link DnsTestServer},
 * its lifecycle loop thread is off (tests run passes on the {@link TestClock}), its issuer is a
 * local CA wrapped so that tests see what was issued and can act while it is being issued, and its
 * admin listener is on a free port (optionally with a token). Clients sign with the test clock.
 */
public final class FreeCertServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final TestClock clock = TestClock.atNow();
    public final TestServer server;
    public final SignedClient client;
    public final List<Issuer.IssuedCertificate> issued = Collections.synchronizedList(new ArrayList<>());
    public volatile Consumer<String> during = name -> { };
    private final String adminToken;
    private final Path caDir = TempFolders.create("free-cert-ca");

    public FreeCertServer(DnsTestServer dns, String adminToken) {
        this.adminToken = adminToken;
        LocalCaIssuer ca = LocalCaIssuer.inDataFolder(caDir, new KeyCipher(randomKey()), clock);
        Issuer recording = new Issuer() {
            @Override
            public String name() {
                return "local-ca";
            }

            @Override
            public IssuedCertificate issue(String name) throws IssuanceFailure {
                during.accept(name);
                IssuedCertificate c = ca.issue(name);
                issued.add(c);
                return c;
            }
        };
        this.server = new TestServer(clock, c -> c.withIssuance(IssuanceConfig.defaults()
                .withDnsResolver(dns.resolver()).withRunLoop(false))
                .withAdmin(new AdminConfig("127.0.0.1", 0, adminToken)), recording);
        this.client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET, clock);
    }

    /** Adds the domain through the API and returns it as stored. */
    public VodDomain addDomain(String name) {
        SignedClient.Answer a = client.call("AddVodDomain", Map.of("DomainName", name, "Sources",
                "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]"));
        if (a.status() != 200) {
            throw new AssertionError(a.body());
        }
        return domain(name);
    }

    public VodDomain domain(String name) {
        return server.app().domains().get(server.app().accessKeys().account("default"), name);
    }

    /** What {@code SetVodDomainSSLCertificate} with {@code CertType=free} will call. */
    public void requestFree(String name) {
        server.app().freeCertificates().request(domain(name));
    }

    public int runOnce() {
        return server.app().lifecycle().runOnce();
    }

    /** The one CertInfo of DescribeVodDomainCertificateInfo. */
    public JsonNode certInfo(String name) {
        SignedClient.Answer a = client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", name));
        if (a.status() != 200) {
            throw new AssertionError(a.body());
        }
        JsonNode list = a.json().path("CertInfos").path("CertInfo");
        if (list.size() != 1) {
            throw new AssertionError("expected one CertInfo: " + a.body());
        }
        return list.get(0);
    }

    /** GET on the admin listener, with the token when there is one. */
    public HttpResponse<String> admin(String pathAndQuery) {
        return admin(pathAndQuery, adminToken);
    }

    public HttpResponse<String> admin(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().adminPort()
                + pathAndQuery));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operators' view of one domain, from the admin endpoint. */
    public JsonNode report(String name) {
        try {
            JsonNode list = new ObjectMapper().readTree(admin("/admin/free-certificates?domain=" + name).body());
            if (list.size() != 1) {
                throw new AssertionError("expected one report: " + list);
            }
            return list.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        TempFolders.delete(caDir);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

}

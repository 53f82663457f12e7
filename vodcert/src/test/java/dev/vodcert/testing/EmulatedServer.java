package dev.vodcert.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.emulation.Emulation;
import dev.vodcert.emulation.EmulationConfig;
import dev.vodcert.server.AdminConfig;
import dev.vodcert.server.Config;
import dev.vodcert.server.IssuanceConfig;
import dev.vodcert.server.Vodcert;
import dev.vodcert.issuance.RateLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A real vodcert with the emulation on (in {@code dataDir}, which the caller owns), its lifecycle
 * loop running, the admin listener on a free port (with {@code adminToken} when not null), and a
 * client of the first account that signs with the machine's time. Free certificates are asked for
 * through the API, as a user's code would.
 */
public final class EmulatedServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";

    public final Emulation emulation;
    public final Vodcert app;
    public final SignedClient client;
    private final String adminToken;

    public EmulatedServer(Path dataDir, EmulationConfig config, String adminToken) {
        this.adminToken = adminToken;
        this.emulation = Emulation.of(config, Clock.systemUTC());
        Config c = Config.defaults(dataDir).withPort(0).withAccessKey(TestServer.ACCESS_KEY_ID,
                        TestServer.ACCESS_KEY_SECRET).withAdmin(new AdminConfig("127.0.0.1", 0, adminToken))
                .withIssuance(IssuanceConfig.defaults().withRateLimits(RateLimits.NONE));
        this.app = Vodcert.start(c, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()),
                null, emulation);
        this.client = new SignedClient(app.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    /** Adds the domain through the API; returns its assigned Cname. */
    public String addDomain(String name) {
        ok(client.call("AddVodDomain", Map.of("DomainName", name, "Sources", SOURCES)));
        return client.call("DescribeVodDomainDetail", Map.of("DomainName", name)).json().path("DomainDetail")
                .path("Cname").asText();
    }

    /** {@code SetVodDomainSSLCertificate} with {@code CertType=free}. */
    public void requestFree(String name) {
        ok(client.call("SetVodDomainSSLCertificate", Map.of("DomainName", name, "SSLProtocol", "on",
                "CertType", "free")));
    }

    /** The one CertInfo of {@code DescribeVodDomainCertificateInfo}. */
    public JsonNode certInfo(String name) {
        JsonNode list = ok(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", name))).json()
                .path("CertInfos").path("CertInfo");
        if (list.size() != 1) {
            throw new AssertionError("expected one CertInfo: " + list);
        }
        return list.get(0);
    }

    /** A POST of {@code json} to the admin listener, with the token when there is one. */
    public HttpResponse<String> adminPost(String path, String json) {
        return admin(HttpRequest.newBuilder(adminUri(path)).POST(HttpRequest.BodyPublishers.ofString(json)), adminToken);
    }

    /** A GET on the admin listener with {@code token} (none when null). */
    public HttpResponse<String> adminGet(String path, String token) {
        return admin(HttpRequest.newBuilder(adminUri(path)).GET(), token);
    }

    private URI adminUri(String path) {
        return URI.create("http://127.0.0.1:" + app.adminPort() + path);
    }

    private static HttpResponse<String> admin(HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SignedClient.Answer ok(SignedClient.Answer a) {
        if (a.status() != 200) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return a;
    }

    @Override
    public void close() {
        app.close();
    }
}

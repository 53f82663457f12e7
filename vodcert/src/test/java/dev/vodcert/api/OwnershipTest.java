package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.vod.model.v20170321.AddVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodVerifyContentRequest;
import com.aliyuncs.vod.model.v20170321.VerifyVodDomainOwnerRequest;
import com.sun.net.httpserver.HttpServer;
import dev.vodcert.server.ApiConfig;
import dev.vodcert.testing.ChallTestSrv;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestServer;
import dev.vodcert.testing.V1Client;
import dev.vodcert.testing.V1Client.Failure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ownership with the rule on: {@code DescribeVodVerifyContent}, {@code VerifyVodDomainOwner} with a
 * real DNS TXT lookup (pebble-challtestsrv as the configured resolver) and a real HTTP fetch of
 * {@code /verification.html} (a JDK HTTP server, reached at the address the resolver gives), and
 * {@code AddVodDomain} refused until the root domain is verified.
 */
class OwnershipTest extends ApiTestBase {
    private ChallTestSrv dns;
    private HttpServer origin;
    /** Body of /verification.html by exact Host header; absent means 404. */
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private V1Client sdk;
    private V1Client otherSdk;

    @Override
    @BeforeAll
    void startServer() {
        dns = ChallTestSrv.start();
        try {
            origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        origin.createContext("/verification.html", exchange -> {
            String body = files.get(exchange.getRequestHeaders().getFirst("Host"));
            byte[] bytes = (body == null ? "not here" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        origin.start();
        ApiConfig.Ownership rule = new ApiConfig.Ownership(true, dns.dnsAddress(), Duration.ofSeconds(2),
                origin.getAddress().getPort());
        server = new TestServer(Clock.systemUTC(), c -> c.withOwnership(rule));
        client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        other = new SignedClient(server.port(), server.otherKey().accessKeyId(), server.otherKey().accessKeySecret());
        sdk = new V1Client(server.endpoint(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        otherSdk = new V1Client(server.endpoint(), server.otherKey().accessKeyId(), server.otherKey().accessKeySecret());
    }

    @Override
    @AfterAll
    void stopServer() {
        server.close();
        origin.stop(0);
        dns.close();
    }

    @Test
    void contentIsStablePerAccountAndRootDomain() {
        String content = content(sdk, "www.stable-root.com");
        assertThat(content).matches("verify_[0-9a-f]{32}");
        assertThat(content(sdk, "stable-root.com")).isEqualTo(content);
        assertThat(content(sdk, ".stable-root.com")).isEqualTo(content);
        assertThat(content(sdk, "a.b.STABLE-ROOT.com")).isEqualTo(content);
        assertThat(content(sdk, "stable-root.org")).matches("verify_[0-9a-f]{32}").isNotEqualTo(content);
        assertThat(content(otherSdk, "stable-root.com")).matches("verify_[0-9a-f]{32}").isNotEqualTo(content);
        assertThat(content(sdk, "www.stable-root.com.cn")).isNotEqualTo(content(sdk, "other.com.cn"));
    }

    @Test
    void addingUnderAnUnverifiedRootIsRefusedAndAddsNothing() {
        Failure f = add(sdk, "www.unverified-root.com");
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("DomainOwnerVerifyFail");
        assertThat(f.message()).startsWith("Owner verification of the root domain failed.")
                .contains("unverified-root.com").contains("verification.unverified-root.com")
                .contains("VerifyVodDomainOwner");
        assertError(client.call("DescribeVodDomainDetail", Map.of("DomainName", "www.unverified-root.com")), 404,
                "InvalidDomain.NotFound");
    }

    @Test
    void dnsCheckSaysWhatItFoundAndWhatItExpected() {
        String content = content(sdk, "dns-fail.com");
        Failure none = verify(sdk, "dns-fail.com", "dnsCheck");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.code()).isEqualTo("DomainOwnerVerifyFail");
        assertThat(none.message()).contains("verification.dns-fail.com").contains(content).contains("no TXT record");

        dns.setTxt("verification.dns-fail.com", "verify_0000");
        Failure wrong = verify(sdk, "www.dns-fail.com", "dnsCheck");
        assertThat(wrong.code()).isEqualTo("DomainOwnerVerifyFail");
        assertThat(wrong.message()).contains("\"verify_0000\"").contains(content);

        dns.setServfail("verification.dns-fail.com");
        try {
            Failure broken = verify(sdk, "dns-fail.com", "dnsCheck");
            assertThat(broken.code()).isEqualTo("DomainOwnerVerifyFail");
            assertThat(broken.message()).contains("SERVFAIL").contains(content);
        } finally {
            dns.clearServfail("verification.dns-fail.com");
        }
        assertThat(add(sdk, "www.dns-fail.com").code()).isEqualTo("DomainOwnerVerifyFail");
    }

    @Test
    void aPassedDnsCheckLetsTheAccountAddDomainsUnderTheRoot() {
        String content = content(sdk, "dns-ok.com");
        dns.setTxt("verification.dns-ok.com", content);
        VerifyVodDomainOwnerRequest verify = new VerifyVodDomainOwnerRequest();
        verify.setDomainName("www.dns-ok.com");
        verify.setVerifyType("dnsCheck");
        assertThat(sdk.call(verify).getContent()).isEqualTo(content);

        sdk.call(addRequest("www.dns-ok.com"));
        sdk.call(addRequest(".dns-ok.com"));
        sdk.call(addRequest("dns-ok.com"));
        Failure theirs = add(otherSdk, "img.dns-ok.com");
        assertThat(theirs.code()).isEqualTo("DomainOwnerVerifyFail");
        assertThat(theirs.status()).isEqualTo(400);
    }

    @Test
    void fileCheckReadsTheFileFromTheResolvedAddressWithTheDomainAsHost() {
        String content = content(sdk, "file-ok.com");
        files.put("www.file-ok.com:" + origin.getAddress().getPort(), content + "\n");
        VerifyVodDomainOwnerRequest verify = new VerifyVodDomainOwnerRequest();
        verify.setDomainName("www.file-ok.com");
        verify.setVerifyType("fileCheck");
        assertThat(sdk.call(verify).getContent()).isEqualTo(content);
        sdk.call(addRequest("video.file-ok.com"));
    }

    @Test
    void fileCheckFailuresSayWhatWasFound() {
        String content = content(sdk, "file-fail.com");
        String host = "www.file-fail.com";
        int port = origin.getAddress().getPort();

        Failure missing = verify(sdk, host, "fileCheck");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("InvalidFile");
        assertThat(missing.message()).startsWith("The file is not found.").contains("HTTP 404")
                .contains("http://" + host + ":" + port + "/verification.html").contains(content);

        files.put(host + ":" + port, "verify_someone_else");
        Failure wrong = verify(sdk, host, "fileCheck");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("VerifyError");
        assertThat(wrong.message()).contains("\"verify_someone_else\"").contains(content);

        files.put(host + ":" + port, content + " ".repeat(5000));
        Failure large = verify(sdk, host, "fileCheck");
        assertThat(large.code()).isEqualTo("VerifyError");
        assertThat(large.message()).contains("larger than 4096 bytes");

        files.put("refused.file-fail.com:" + port, content);
        dns.addA("refused.file-fail.com", List.of("127.0.0.2"));
        Failure refused = verify(sdk, "refused.file-fail.com", "fileCheck");
        assertThat(refused.code()).isEqualTo("InvalidFile");
        assertThat(refused.message()).contains("127.0.0.2");

        dns.setServfail("gone.file-fail.com");
        try {
            Failure unresolved = verify(sdk, "gone.file-fail.com", "fileCheck");
            assertThat(unresolved.code()).isEqualTo("InvalidFile");
            assertThat(unresolved.message()).contains("SERVFAIL").contains("gone.file-fail.com");
        } finally {
            dns.clearServfail("gone.file-fail.com");
        }
        assertThat(add(sdk, host).code()).isEqualTo("DomainOwnerVerifyFail");
    }

    @Test
    void badOwnershipRequestsAreRefused() {
        assertError(client.call("VerifyVodDomainOwner", Map.of("DomainName", "bad-type.com", "VerifyType", "txt")),
                400, "InvalidParameter");
        assertError(client.call("VerifyVodDomainOwner", Map.of("DomainName", "bad-type.com")), 400,
                "MissingParameter");
        assertError(client.call("VerifyVodDomainOwner", Map.of("VerifyType", "dnsCheck")), 400, "MissingParameter");
        VerifyVodDomainOwnerRequest verify = new VerifyVodDomainOwnerRequest();
        verify.setDomainName("bad_name.com");
        verify.setVerifyType("dnsCheck");
        Failure f = sdk.fail(verify);
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("InvalidDomainName.Malformed");
        DescribeVodVerifyContentRequest describe = new DescribeVodVerifyContentRequest();
        describe.setDomainName("bad_name.com");
        assertThat(sdk.fail(describe).code()).isEqualTo("InvalidDomainName.Malformed");
        assertError(client.call("DescribeVodVerifyContent", Map.of()), 400, "MissingParameter");
    }

    private static String content(V1Client as, String domain) {
        DescribeVodVerifyContentRequest r = new DescribeVodVerifyContentRequest();
        r.setDomainName(domain);
        return as.call(r).getContent();
    }

    private static Failure verify(V1Client as, String domain, String type) {
        VerifyVodDomainOwnerRequest r = new VerifyVodDomainOwnerRequest();
        r.setDomainName(domain);
        r.setVerifyType(type);
        return as.fail(r);
    }

    private static Failure add(V1Client as, String domain) {
        return as.fail(addRequest(domain));
    }

    private static AddVodDomainRequest addRequest(String domain) {
        AddVodDomainRequest r = new AddVodDomainRequest();
        r.setDomainName(domain);
        r.setSources(SOURCES);
        return r;
    }
}

package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One real server per test class, a signed client for each of two accounts, and small call helpers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase {
    static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";
    private static final AtomicInteger NEXT = new AtomicInteger();

    TestServer server;
    SignedClient client;
    SignedClient other;

    /** The server the class runs against; subclasses may run the same tests on another database. */
    TestServer newServer() {
        return new TestServer();
    }

    @BeforeAll
    void startServer() {
        server = newServer();
        client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        other = new SignedClient(server.port(), server.otherKey().accessKeyId(), server.otherKey().accessKeySecret());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    /** A domain name no other test uses. */
    static String uniqueDomain(String prefix) {
        return prefix + NEXT.incrementAndGet() + ".vodcert-test.com";
    }

    String addDomain(String name) {
        ok(client.call("AddVodDomain", Map.of("DomainName", name, "Sources", SOURCES)));
        return name;
    }

    static Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.code()).as(a.body()).isNull();
        return a;
    }

    static void assertError(Answer a, int status, String code) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.code()).as(a.body()).isEqualTo(code);
        assertThat(a.json().path("Message").asText()).isNotBlank();
    }

    Answer setCertificate(String domain, String pub, String pri) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("DomainName", domain);
        p.put("SSLProtocol", "on");
        p.put("SSLPub", pub);
        p.put("SSLPri", pri);
        return client.call("SetVodDomainCertificate", p);
    }

    JsonNode certInfo(String domain) {
        JsonNode list = ok(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)))
                .json().path("CertInfos").path("CertInfo");
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isEqualTo(1);
        return list.get(0);
    }
}

package dev.vodcert.api.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.cas20200407.Client;
import com.aliyun.cas20200407.models.UploadUserCertificateRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One real server per test class; the official certificate-store client ({@code cas20200407}
 * 2.0.1 on tea-openapi, ACS3-HMAC-SHA256) for each of two accounts, pointed at it; a signed VOD
 * client; and small call helpers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CasTestBase {
    static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";
    private static final AtomicInteger NEXT = new AtomicInteger();

    TestServer server;
    Client cas;
    Client otherCas;
    SignedClient vod;
    SignedClient otherVod;

    /** The server this class runs against; override for one with a settable clock. */
    TestServer newServer() {
        return new TestServer();
    }

    @BeforeAll
    void startServer() throws Exception {
        server = newServer();
        cas = client(TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        otherCas = client(server.otherKey().accessKeyId(), server.otherKey().accessKeySecret());
        vod = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        otherVod = new SignedClient(server.port(), server.otherKey().accessKeyId(),
                server.otherKey().accessKeySecret());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    private Client client(String id, String secret) throws Exception {
        return new Client(new Config().setAccessKeyId(id).setAccessKeySecret(secret).setEndpoint(server.endpoint())
                .setProtocol("http").setRegionId("cn-hangzhou"));
    }

    /** A name no other test uses, with the given prefix. */
    static String unique(String prefix) {
        return prefix + NEXT.incrementAndGet();
    }

    /** A domain name no other test uses, under {@code parent} (e.g. {@code cas-test.com}). */
    static String uniqueParent() {
        return "p" + NEXT.incrementAndGet() + ".cas-test.com";
    }

    long upload(Client client, String name, Issued cert) throws Exception {
        Long id = client.uploadUserCertificate(new UploadUserCertificateRequest().setName(name)
                .setCert(cert.chainPem()).setKey(cert.keyPemPkcs8())).getBody().getCertId();
        assertThat(id).isNotNull().isPositive();
        return id;
    }

    long upload(String name, Issued cert) throws Exception {
        return upload(cas, name, cert);
    }

    /** The TeaException a failing SDK call throws, checked for Code and HTTP status. */
    static TeaException failure(Callable<?> call, int status, String code) {
        TeaException e = catchThrowableOfType(TeaException.class, call::call);
        assertThat(e).as("the call should have failed").isNotNull();
        assertThat(e.getStatusCode()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.getCode()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    /** The wire Message of a failure (the SDK's own message wraps it). */
    static String message(TeaException e) {
        return String.valueOf(e.getData().get("Message"));
    }

    /** A signed certificate-store call with parameters exactly as given (HMAC-SHA1, as pop-core sends). */
    Answer rawCas(SignedClient client, String action, Map<String, String> params) {
        return client.call("POST", false, action, params, p -> p.put("Version", CasApi.VERSION));
    }

    String addDomain(String name) {
        ok(vod.call("AddVodDomain", Map.of("DomainName", name, "Sources", SOURCES)));
        return name;
    }

    Answer useStored(String domain, long certId) {
        return vod.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain, "SSLProtocol", "on",
                "CertType", "cas", "CertId", Long.toString(certId)));
    }

    JsonNode certInfo(String domain) {
        JsonNode list = ok(vod.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)))
                .json().path("CertInfos").path("CertInfo");
        assertThat(list.size()).isEqualTo(1);
        return list.get(0);
    }

    static Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.code()).as(a.body()).isNull();
        return a;
    }

    static Answer refused(Answer a, int status, String code) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.code()).as(a.body()).isEqualTo(code);
        return a;
    }

    static String message(Answer a) {
        return a.json().path("Message").asText();
    }

    static Map<String, String> params(String... pairs) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return p;
    }
}

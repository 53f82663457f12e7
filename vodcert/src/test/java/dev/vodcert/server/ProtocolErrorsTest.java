package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.protocol.SignatureV1;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every gateway error of issue 2, over real HTTP, asserted by Code, HTTP status and message. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolErrorsTest {
    private TestServer server;
    private SignedClient client;

    @BeforeAll
    void start() {
        server = new TestServer();
        client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static void assertError(Answer a, int status, String code) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.code()).as(a.body()).isEqualTo(code);
        assertThat(a.contentType()).isEqualTo("application/json;charset=utf-8");
        assertThat(a.json().path("RequestId").asText()).matches("[0-9A-F-]{36}");
        assertThat(a.json().path("Message").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AccessKeyId", "Signature", "SignatureNonce", "Timestamp", "SignatureMethod",
            "SignatureVersion"})
    void missingCommonParameter(String name) {
        Map<String, String> p = client.common("DescribeVodDomainCertificateInfo");
        p.put("DomainName", "example.com");
        p.remove(name);
        if (!name.equals("Signature")) {
            p.put("Signature", SignatureV1.sign(TestServer.ACCESS_KEY_SECRET, SignatureV1.stringToSign("POST", p, false)));
        }
        Answer a = client.send("POST", false, p);
        assertError(a, 400, "MissingParameter");
        assertThat(a.json().path("Message").asText()).contains("\"" + name + "\"");
    }

    @Test
    void missingActionAndVersion() {
        assertError(client.call("POST", false, "X", Map.of(), p -> p.remove("Action")), 400, "MissingParameter");
        assertError(client.call("POST", false, "DescribeVodDomainDetail", Map.of(), p -> p.remove("Version")), 400,
                "MissingParameter");
    }

    @Test
    void missingBusinessParameter() {
        Answer a = client.call("DescribeVodDomainCertificateInfo", Map.of());
        assertError(a, 400, "MissingParameter");
        assertThat(a.json().path("Message").asText()).contains("DomainName");
        assertError(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "")), 400, "MissingParameter");
    }

    @Test
    void unknownActionAndVersion() {
        assertError(client.call("DescribeNothing", Map.of()), 404, "InvalidAction.NotFound");
        assertError(client.call("POST", false, "DescribeVodDomainDetail", Map.of(), p -> p.put("Version", "2014-05-26")),
                404, "InvalidVersion");
    }

    @Test
    void unknownAccessKey() {
        SignedClient stranger = new SignedClient(server.port(), "LTAInobodyhasthiskey", "whatever");
        assertError(stranger.call("DescribeVodDomainDetail", Map.of("DomainName", "example.com")), 404,
                "InvalidAccessKeyId.NotFound");
    }

    @Test
    void wrongSecretEchoesServerStringToSign() {
        SignedClient wrong = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, "not-the-secret");
        Map<String, String>[] sent = new Map[1];
        Answer a = wrong.call("POST", false, "DescribeVodDomainDetail", Map.of("DomainName", "example.com"),
                p -> sent[0] = new TreeMap<>(p));
        assertError(a, 400, "SignatureDoesNotMatch");
        assertThat(a.json().path("Message").asText())
                .startsWith("Specified signature is not matched with our calculation.")
                .endsWith("server string to sign is:" + SignatureV1.stringToSign("POST", sent[0], false));
    }

    @Test
    void timestampOutsideWindowEitherWay() {
        for (long minutes : new long[] {-16, 16}) {
            Answer a = client.call("POST", false, "DescribeVodDomainDetail", Map.of("DomainName", "example.com"),
                    p -> p.put("Timestamp", Instant.now().plusSeconds(minutes * 60).toString().replaceAll("\\.\\d+", "")));
            assertError(a, 400, "InvalidTimeStamp.Expired");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026/11/28 10:00:00", "yesterday", "2026-13-40T99:00:00Z", "1700000000"})
    void badTimestampFormat(String ts) {
        Answer a = client.call("POST", false, "DescribeVodDomainDetail", Map.of("DomainName", "example.com"),
                p -> p.put("Timestamp", ts));
        assertError(a, 400, "InvalidTimeStamp.Format");
    }

    @Test
    void reusedNonceIsRefusedButAForgeryDoesNotBurnOne() {
        String nonce = "nonce-" + System.nanoTime();
        SignedClient wrong = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, "forged");
        assertError(wrong.call("POST", false, "DescribeVodDomainCertificateInfo", Map.of("DomainName", "example.com"),
                p -> p.put("SignatureNonce", nonce)), 400, "SignatureDoesNotMatch");
        Answer first = client.call("POST", false, "DescribeVodDomainCertificateInfo", Map.of("DomainName", "example.com"),
                p -> p.put("SignatureNonce", nonce));
        assertThat(first.code()).isEqualTo("InvalidDomain.NotFound");
        Answer replay = client.call("POST", false, "DescribeVodDomainCertificateInfo",
                Map.of("DomainName", "example.com"), p -> p.put("SignatureNonce", nonce));
        assertError(replay, 400, "SignatureNonceUsed");
    }

    @Test
    void unsupportedSignatureMethodOrVersion() {
        assertError(client.call("POST", false, "DescribeVodDomainDetail", Map.of("DomainName", "example.com"),
                p -> p.put("SignatureMethod", "HMAC-SHA256")), 400, "IncompleteSignature");
        assertError(client.call("POST", false, "DescribeVodDomainDetail", Map.of("DomainName", "example.com"),
                p -> p.put("SignatureVersion", "2.0")), 400, "IncompleteSignature");
    }

    @Test
    void malformedAcs3Authorization() {
        Answer a = client.raw("POST", "DomainName=example.com", null, Map.of(
                "Authorization", "ACS3-HMAC-SHA256 Credential=" + TestServer.ACCESS_KEY_ID + ",SignedHeaders=host",
                "x-acs-action", "DescribeVodDomainCertificateInfo", "x-acs-version", "2017-03-21"));
        assertError(a, 400, "IncompleteSignature");
    }

    @Test
    void invalidParameterCases() {
        assertError(client.call("POST", false, "DescribeVodDomainDetail", Map.of("DomainName", "example.com"),
                p -> p.put("Format", "YAML")), 400, "InvalidParameter");
        assertError(client.raw("GET", "Action=A&Action=B", null, Map.of()), 400, "InvalidParameter");
        assertError(client.raw("POST", "", "Action=%zz", Map.of()), 400, "InvalidParameter");
        assertError(client.raw("GET", "Action=%FF%FE", null, Map.of()), 400, "InvalidParameter");
        assertError(client.raw("GET", "Action=DescribeVodDomainDetail&Version=2017-03-21", null,
                Map.of("x-acs-action", "DeleteVodDomain")), 400, "InvalidParameter");
    }

    @Test
    void unknownDomain() {
        Answer a = client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "nowhere.example.org"));
        assertError(a, 404, "InvalidDomain.NotFound");
        assertThat(a.json().path("Message").asText()).isEqualTo("The domain does not exist, or it does not belong to you.");
    }

    @Test
    void unsupportedMethod() {
        assertError(client.raw("PUT", "Action=DescribeVodDomainDetail", null, Map.of()), 403, "UnsupportedHTTPMethod");
        assertError(client.raw("DELETE", "Action=DescribeVodDomainDetail", null, Map.of()), 403, "UnsupportedHTTPMethod");
    }

    @Test
    void oversizedBodyAndHead() {
        String big = "x".repeat(300 * 1024);
        Answer body = client.raw("POST", "", "SSLPub=" + big, Map.of());
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.code()).isEqualTo("InvalidParameter");
        Answer head = client.raw("GET", "SSLPub=" + "y".repeat(200 * 1024), null, Map.of());
        assertThat(head.status()).isBetween(400, 499);
        assertThat(head.code()).isEqualTo("InvalidParameter");
        assertThat(head.contentType()).startsWith("application/json");
    }

    @Test
    void xmlErrorEnvelopeOnlyWhenAskedFor() {
        Answer a = client.call("POST", false, "DescribeVodDomainDetail", Map.of("DomainName", "nope.example.org"),
                p -> p.put("Format", "xml"));
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.contentType()).isEqualTo("text/xml;charset=utf-8");
        assertThat(a.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<Error>", "<Code>InvalidDomain.NotFound</Code>", "<RequestId>", "<HostId>127.0.0.1</HostId>");
    }
}

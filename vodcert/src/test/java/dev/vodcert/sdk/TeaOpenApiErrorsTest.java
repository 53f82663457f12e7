package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import dev.vodcert.account.NewAccessKey;
import dev.vodcert.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors as {@code tea-openapi} reports them, in ACS3 ("v3") and HMAC-SHA1 ("v2") mode: a
 * {@link TeaException} whose code is the body's {@code Code} and whose status code is the HTTP status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeaOpenApiErrorsTest {
    private TestServer server;
    private String theirDomain;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        NewAccessKey other = server.otherKey();
        theirDomain = Sdk.domain("tea-theirs");
        Tea.v3(server, other.accessKeyId(), other.accessKeySecret())
                .call("AddVodDomain", Map.of("DomainName", theirDomain, "Sources", Sdk.SOURCES));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Tea tea(String mode, String accessKeyId, String secret) throws Exception {
        return mode.equals("v2") ? Tea.v2(server, accessKeyId, secret) : Tea.v3(server, accessKeyId, secret);
    }

    private Tea mine(String mode) throws Exception {
        return tea(mode, TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    private static void assertError(TeaException e, String code, int status) {
        assertThat(e.getCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.getStatusCode()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.getData()).containsEntry("Code", code);
        assertThat((String) e.getData().get("RequestId")).matches(Sdk.REQUEST_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v2"})
    void unknownAndForeignDomainsAreNotFound(String mode) throws Exception {
        Tea tea = mine(mode);
        for (String action : new String[] {"DescribeVodDomainCertificateInfo", "DescribeVodDomainDetail"}) {
            for (String domain : new String[] {Sdk.domain("tea-nowhere"), theirDomain}) {
                TeaException e = tea.failure(action, Map.of("DomainName", domain));
                assertError(e, "InvalidDomain.NotFound", 404);
                assertThat(e.getData()).containsEntry("Message", Sdk.NOT_FOUND_MESSAGE);
            }
        }
        assertError(tea.failure("SetVodDomainCertificate", Map.of("DomainName", theirDomain, "SSLProtocol", "off")),
                "InvalidDomain.NotFound", 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v2"})
    void missingOrEmptyDomainName(String mode) throws Exception {
        Tea tea = mine(mode);
        TeaException absent = tea.failure("DescribeVodDomainCertificateInfo", Map.of());
        assertError(absent, "MissingParameter", 400);
        assertThat((String) absent.getData().get("Message")).contains("\"DomainName\"");
        assertError(tea.failure("DescribeVodDomainCertificateInfo", Map.of("DomainName", "")), "MissingParameter", 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v2"})
    void wrongSecret(String mode) throws Exception {
        TeaException e = tea(mode, TestServer.ACCESS_KEY_ID, "not-the-secret")
                .failure("DescribeVodDomainCertificateInfo", Map.of("DomainName", theirDomain));
        assertError(e, "SignatureDoesNotMatch", 400);
        assertThat((String) e.getData().get("Message")).startsWith("Specified signature is not matched")
                .contains("server string to sign is:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v2"})
    void unknownAccessKeyId(String mode) throws Exception {
        TeaException e = tea(mode, "LTAInoSuchKey0000", TestServer.ACCESS_KEY_SECRET)
                .failure("DescribeVodDomainDetail", Map.of("DomainName", theirDomain));
        assertError(e, "InvalidAccessKeyId.NotFound", 404);
    }
}

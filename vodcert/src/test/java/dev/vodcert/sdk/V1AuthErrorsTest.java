package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.http.FormatType;
import dev.vodcert.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Gateway errors of the HMAC-SHA1 signature as the V1 SDK reports them (spec §8.2, §1.10): an
 * unknown AccessKeyId, and a wrong secret, which the SDK itself renames
 * {@code SDK.InvalidAccessKeySecret} because the message carries its own string to sign.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1AuthErrorsTest {
    private TestServer server;
    private String domain;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        domain = Sdk.domain("auth");
        V1.of(server).add(domain);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void unknownAccessKeyId(FormatType format) throws Exception {
        V1 stranger = V1.of(server, "LTAInoSuchKey0000", TestServer.ACCESS_KEY_SECRET).as(format);
        V1.Failure f = stranger.failure(stranger.infoRequest(domain));
        assertThat(f.code()).isEqualTo("InvalidAccessKeyId.NotFound");
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.message()).startsWith("Specified access key is not found");
        assertThat(f.requestId()).matches(Sdk.REQUEST_ID);
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void wrongSecretIsRecognisedByTheSdk(FormatType format) throws Exception {
        V1 forger = V1.of(server, TestServer.ACCESS_KEY_ID, "not-the-secret").as(format);
        V1.Failure f = forger.failure(forger.detailRequest(domain));
        assertThat(f.code()).as("V1 rewrites SignatureDoesNotMatch when the server's string to sign equals its own")
                .isEqualTo("SDK.InvalidAccessKeySecret");
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.body()).contains("SignatureDoesNotMatch").contains("server string to sign is:")
                .doesNotContain("not-the-secret").doesNotContain(TestServer.ACCESS_KEY_SECRET);
    }

    @ParameterizedTest
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void theRightKeyStillWorks(FormatType format) throws Exception {
        V1 owner = V1.of(server).as(format);
        assertThat(owner.detail(domain).getDomainName()).isEqualTo(domain);
    }
}

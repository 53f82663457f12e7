package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.vod.model.v20170321.AddVodDomainRequest;
import dev.vodcert.testing.TestServer;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad business parameters sent through the V1 SDK: Code, HTTP status and Message (spec §8.2, §8.3). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1ParameterErrorsTest {
    private TestServer server;
    private V1 sdk;
    private String existing;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        sdk = V1.of(server);
        existing = Sdk.domain("exists");
        sdk.add(existing);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static void assertError(V1.Failure f, String code, int status) {
        assertThat(f.code()).as(f.body()).isEqualTo(code);
        assertThat(f.status()).as(f.body()).isEqualTo(status);
        assertThat(f.requestId()).matches(Sdk.REQUEST_ID);
    }

    /** Each action with the given DomainName value (null: the parameter is not sent at all). */
    Stream<Arguments> actionsWithDomainName() {
        var actions = Stream.<Arguments>of(
                Arguments.of("AddVodDomain", (BiFunction<V1, String, AcsRequest<?>>) V1::addRequest),
                Arguments.of("DescribeVodDomainDetail", (BiFunction<V1, String, AcsRequest<?>>) V1::detailRequest),
                Arguments.of("DescribeVodDomainCertificateInfo",
                        (BiFunction<V1, String, AcsRequest<?>>) V1::infoRequest),
                Arguments.of("SetVodDomainCertificate", (BiFunction<V1, String, AcsRequest<?>>)
                        (c, d) -> c.setRequest(d, "off", null, null, null)));
        return actions.flatMap(a -> Stream.of(Arguments.of(a.get()[0], a.get()[1], null),
                Arguments.of(a.get()[0], a.get()[1], "")));
    }

    @ParameterizedTest(name = "{0} DomainName=[{2}]")
    @MethodSource("actionsWithDomainName")
    void missingDomainName(String action, BiFunction<V1, String, AcsRequest<?>> request, String value)
            throws Exception {
        V1.Failure f = sdk.failure(request.apply(sdk, value));
        assertError(f, "MissingParameter", 400);
        assertThat(f.message()).contains("\"DomainName\"");
    }

    @Test
    void missingSources() throws Exception {
        AddVodDomainRequest r = sdk.addRequest(Sdk.domain("nosources"));
        r.setSources("");
        V1.Failure f = sdk.failure(r);
        assertError(f, "MissingParameter", 400);
        assertThat(f.message()).contains("\"Sources\"");
    }

    @Test
    void missingSslProtocol() throws Exception {
        V1.Failure f = sdk.failure(sdk.setRequest(existing, null, null, null, null));
        assertError(f, "MissingParameter", 400);
        assertThat(f.message()).contains("\"SSLProtocol\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ON", "yes", "1", "enable"})
    void sslProtocolOtherThanOnOrOff(String value) throws Exception {
        V1.Failure f = sdk.failure(sdk.setRequest(existing, value, null, null, null));
        assertError(f, "InvalidSSLProtocol.ValueNotSupported", 400);
        assertThat(f.message()).startsWith("The specified SSLProtocol is invalid.");
    }

    @Test
    void addingTheSameDomainTwice() throws Exception {
        V1.Failure f = sdk.failure(sdk.addRequest(existing));
        assertError(f, "DomainAlreadyExist", 400);
        assertThat(f.message()).isEqualTo("The specified domain already exists.");
        assertError(sdk.failure(sdk.addRequest(existing.toUpperCase(java.util.Locale.ROOT))), "DomainAlreadyExist", 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"under_score.example.com", "-lead.example.com", "a..example.com", "1.2.3.4",
            "localhost", "sp ace.example.com", "trailing.example.com."})
    void malformedDomainName(String name) throws Exception {
        V1.Failure f = sdk.failure(sdk.addRequest(name));
        assertError(f, "InvalidDomainName.Malformed", 400);
        assertThat(f.message()).startsWith("Specified DomainName").contains("is malformed");
    }

    @Test
    void malformedSources() throws Exception {
        AddVodDomainRequest r = sdk.addRequest(Sdk.domain("badsources"));
        r.setSources("not json");
        V1.Failure f = sdk.failure(r);
        assertError(f, "InvalidSources.Malformed", 400);
        assertThat(f.message()).startsWith("The specified Sources is invalid");
    }

    @Test
    void failedAddsLeftNothingBehind() throws Exception {
        String name = Sdk.domain("never");
        AddVodDomainRequest r = sdk.addRequest(name);
        r.setSources("[]");
        assertThat(sdk.failure(r).status()).isEqualTo(400);
        assertError(sdk.failure(sdk.detailRequest(name)), "InvalidDomain.NotFound", 404);
    }
}

package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.http.FormatType;
import dev.vodcert.account.NewAccessKey;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
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

/**
 * A domain that does not exist and a domain of another account look the same to every action:
 * {@code InvalidDomain.NotFound}, HTTP 404 (spec §8.3), as the V1 SDK reports it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1TenancyTest {
    private TestServer server;
    private V1 mine;
    private V1 theirs;
    private String theirDomain;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        mine = V1.of(server);
        NewAccessKey other = server.otherKey();
        theirs = V1.of(server, other.accessKeyId(), other.accessKeySecret());
        theirDomain = Sdk.domain("theirs");
        theirs.add(theirDomain);
        theirs.upload(theirDomain, TestCertificates.issue(theirDomain), "their-cert");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Every action that names an existing domain, as a request for that domain name. */
    Stream<Arguments> actions() {
        Issued cert = TestCertificates.issue("*.sdk-example.com");
        return Stream.of(
                Arguments.of("DescribeVodDomainCertificateInfo",
                        (BiFunction<V1, String, AcsRequest<?>>) V1::infoRequest),
                Arguments.of("DescribeVodDomainDetail", (BiFunction<V1, String, AcsRequest<?>>) V1::detailRequest),
                Arguments.of("SetVodDomainCertificate off", (BiFunction<V1, String, AcsRequest<?>>)
                        (sdk, domain) -> sdk.setRequest(domain, "off", null, null, null)),
                Arguments.of("SetVodDomainCertificate upload", (BiFunction<V1, String, AcsRequest<?>>)
                        (sdk, domain) -> sdk.setRequest(domain, "on", cert.chainPem(), cert.keyPemPkcs8(), "mine")));
    }

    private static void assertNotFound(V1.Failure f) {
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.message()).isEqualTo(Sdk.NOT_FOUND_MESSAGE);
        assertThat(f.requestId()).matches(Sdk.REQUEST_ID);
        assertThat(f.serverException()).as("a 4xx is a ClientException, not a ServerException").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void unknownDomainIsNotFound(String action, BiFunction<V1, String, AcsRequest<?>> request) throws Exception {
        assertNotFound(mine.failure(request.apply(mine, Sdk.domain("nowhere"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void anotherAccountsDomainIsNotFound(String action, BiFunction<V1, String, AcsRequest<?>> request)
            throws Exception {
        assertNotFound(mine.failure(request.apply(mine, theirDomain)));
    }

    @Test
    void theOwnerStillSeesItsDomainAndCertificateUnchanged() throws Exception {
        var infos = theirs.info(theirDomain).getCertInfos();
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0).getCertName()).isEqualTo("their-cert");
        assertThat(infos.get(0).getServerCertificateStatus()).isEqualTo("on");
        assertThat(theirs.detail(theirDomain).getSSLProtocol()).isEqualTo("on");
    }

    @Test
    void addingAnotherAccountsDomainIsDomainAlreadyExist() throws Exception {
        V1.Failure f = mine.failure(mine.addRequest(theirDomain));
        assertThat(f.code()).isEqualTo("DomainAlreadyExist");
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.message()).isEqualTo("The specified domain already exists.");
    }

    @Test
    void notFoundInXmlIsReadFromTheErrorElement() throws Exception {
        V1 xml = mine.as(FormatType.XML);
        V1.Failure f = xml.failure(xml.infoRequest(theirDomain));
        assertNotFound(f);
        assertThat(f.contentType()).isEqualTo("text/xml;charset=utf-8");
        assertThat(f.body()).startsWith("<?xml").contains("<Error>").contains("<Code>InvalidDomain.NotFound</Code>");
    }
}

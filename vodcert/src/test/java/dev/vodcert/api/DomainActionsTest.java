package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code AddVodDomain} and {@code DescribeVodDomainDetail}: name rules, origins, CNAME, errors. */
class DomainActionsTest extends ApiTestBase {

    @Test
    void addedDomainIsDescribedWithItsCnameAndSources() {
        String domain = addDomain(uniqueDomain("detail"));
        JsonNode d = ok(client.call("DescribeVodDomainDetail", Map.of("DomainName", domain))).json().path("DomainDetail");
        assertThat(d.path("DomainName").asText()).isEqualTo(domain);
        assertThat(d.path("Cname").asText()).isEqualTo(domain + ".w.alikunlun.com");
        assertThat(d.path("DomainStatus").asText()).isEqualTo("online");
        assertThat(d.path("SSLProtocol").asText()).isEqualTo("off");
        assertThat(d.path("Scope").asText()).isEqualTo("domestic");
        assertThat(d.path("GmtCreated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode source = d.path("Sources").path("Source").get(0);
        assertThat(source.path("Type").asText()).isEqualTo("ipaddr");
        assertThat(source.path("Content").asText()).isEqualTo("1.1.1.1");
        assertThat(source.path("Priority").asText()).isEqualTo("20");
        assertThat(source.path("Port").isInt()).isTrue();
        assertThat(source.path("Port").asInt()).isEqualTo(80);
    }

    @Test
    void idnNameIsStoredInAsciiAndFoundByEitherForm() {
        ok(client.call("AddVodDomain", Map.of("DomainName", "视频.vodcert-test.com", "Sources", SOURCES)));
        String ascii = "xn--cy2a840a.vodcert-test.com";
        assertThat(certInfo(ascii).path("DomainName").asText()).isEqualTo(ascii);
        assertThat(certInfo("视频.vodcert-test.com").path("DomainName").asText()).isEqualTo(ascii);
        assertThat(certInfo(ascii.toUpperCase()).path("DomainName").asText()).isEqualTo(ascii);
    }

    @Test
    void badNamesAndSourcesAreRefused() {
        assertError(client.call("AddVodDomain", Map.of("DomainName", "bad_name.com", "Sources", SOURCES)), 400,
                "InvalidDomainName.Malformed");
        assertError(client.call("AddVodDomain", Map.of("DomainName", "a".repeat(64) + ".com", "Sources", SOURCES)), 400,
                "InvalidDomainName.Malformed");
        assertError(client.call("AddVodDomain", Map.of("DomainName", uniqueDomain("s"), "Sources", "not json")), 400,
                "InvalidSources.Malformed");
        assertError(client.call("AddVodDomain", Map.of("DomainName", uniqueDomain("s"),
                "Sources", "[{\"content\":\"1.1.1.1\",\"type\":\"ftp\"}]")), 400, "InvalidSource.Type.Malformed");
        assertError(client.call("AddVodDomain", Map.of("DomainName", uniqueDomain("s"), "Sources", SOURCES,
                "Scope", "moon")), 400, "InvalidScope.Malformed");
        assertError(client.call("AddVodDomain", Map.of("DomainName", uniqueDomain("s"))), 400, "MissingParameter");
    }

    @Test
    void aDomainExistsOnceAcrossAccounts() {
        String domain = addDomain(uniqueDomain("dup"));
        assertError(client.call("AddVodDomain", Map.of("DomainName", domain, "Sources", SOURCES)), 400,
                "DomainAlreadyExist");
        assertError(other.call("AddVodDomain", Map.of("DomainName", domain, "Sources", SOURCES)), 400,
                "DomainAlreadyExist");
    }

    @Test
    void anotherAccountCannotSeeOrChangeTheDomainOnAnyAction() {
        String domain = addDomain(uniqueDomain("tenant"));
        assertError(other.call("DescribeVodDomainDetail", Map.of("DomainName", domain)), 404, "InvalidDomain.NotFound");
        assertError(other.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)), 404,
                "InvalidDomain.NotFound");
        assertError(other.call("SetVodDomainCertificate", Map.of("DomainName", domain, "SSLProtocol", "off")), 404,
                "InvalidDomain.NotFound");
        assertThat(certInfo(domain).path("DomainName").asText()).isEqualTo(domain);
    }
}

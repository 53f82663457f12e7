package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.TeaGenericClient;
import dev.vodcert.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code TagVodResources} / {@code UnTagVodResources} (no model in the V1 SDK: the generic
 * {@code tea-openapi} client and hand-signed calls), observed through the {@code Tag.N} filter of
 * {@code DescribeVodUserDomains}. Every refusal changes no tag.
 */
class DomainTagsTest extends ApiTestBase {
    private TeaGenericClient tea;

    @BeforeAll
    void tea() {
        tea = new TeaGenericClient(server.endpoint(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    @Test
    void tagsAreSetReplacedAndRemovedThroughTheGenericClient() {
        String a = addDomain(uniqueDomain("tag"));
        String b = addDomain(uniqueDomain("tag"));
        Map<String, ?> answer = tea.call("TagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a,
                "ResourceId.2", b, "Tag.1.Key", "env", "Tag.1.Value", "prod", "Tag.2.Key", "owner", "Tag.2.Value", "Zoë"));
        assertThat(answer.get("statusCode")).isEqualTo(200);
        assertThat(withTag("env", "prod")).contains(a, b);
        assertThat(withTag("owner", "Zoë")).contains(a, b);

        tea.call("TagVodResources", Map.of("ResourceType", "DOMAIN", "ResourceId.1", a, "Tag.1.Key", "env",
                "Tag.1.Value", "test"));
        assertThat(withTag("env", "prod")).contains(b).doesNotContain(a);
        assertThat(withTag("env", "test")).contains(a);

        tea.call("UnTagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a, "ResourceId.2", b,
                "TagKey.1", "env", "TagKey.2", "absent"));
        assertThat(withTag("env", null)).doesNotContain(a, b);
        assertThat(withTag("owner", "Zoë")).contains(a, b);
    }

    @Test
    void anEmptyValueIsAValue() {
        String a = addDomain(uniqueDomain("empty"));
        ok(client.call("TagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a, "Tag.1.Key", "flag")));
        assertThat(withTag("flag", null)).containsExactly(a);
    }

    @Test
    void aForeignOrUnknownDomainTagsNothing() {
        String mine = addDomain(uniqueDomain("mine"));
        String theirs = uniqueDomain("theirs");
        ok(other.call("AddVodDomain", Map.of("DomainName", theirs, "Sources", SOURCES)));
        TeaGenericClient.Failure f = tea.fail("TagVodResources", Map.of("ResourceType", "domain",
                "ResourceId.1", mine, "ResourceId.2", theirs, "Tag.1.Key", "stolen"));
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");
        assertThat(f.message()).contains(theirs);
        assertThat(withTag("stolen", null)).isEmpty();
        assertError(client.call("UnTagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", theirs,
                "TagKey.1", "x")), 404, "InvalidDomain.NotFound");
    }

    @Test
    void aDomainCarriesAtMostTwentyTags() {
        String a = addDomain(uniqueDomain("twenty"));
        Map<String, String> p = new HashMap<>(Map.of("ResourceType", "domain", "ResourceId.1", a));
        for (int i = 1; i <= 20; i++) {
            p.put("Tag." + i + ".Key", "k" + i);
            p.put("Tag." + i + ".Value", "v" + i);
        }
        ok(client.call("TagVodResources", p));
        ok(client.call("TagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a, "Tag.1.Key", "k1",
                "Tag.1.Value", "again")));
        assertError(client.call("TagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a,
                "Tag.1.Key", "k21", "Tag.2.Key", "k2", "Tag.2.Value", "changed")), 400, "InvalidParameter");
        assertThat(withTag("k21", null)).isEmpty();
        assertThat(withTag("k2", "v2")).containsExactly(a);
        assertThat(withTag("k1", "again")).containsExactly(a);
    }

    @Test
    void badTagRequestsAreRefusedAndChangeNothing() {
        String a = addDomain(uniqueDomain("badtag"));
        ok(client.call("TagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a, "Tag.1.Key", "keep",
                "Tag.1.Value", "me")));
        List<String> before = withTag("keep", "me");
        tagRefused(Map.of("ResourceId.1", a, "Tag.1.Key", "k"), 400, "MissingParameter", "ResourceType");
        tagRefused(Map.of("ResourceType", "instance", "ResourceId.1", a, "Tag.1.Key", "k"), 400, "InvalidParameter",
                "ResourceType");
        tagRefused(Map.of("ResourceType", "domain", "Tag.1.Key", "k"), 400, "MissingParameter", "ResourceId");
        tagRefused(Map.of("ResourceType", "domain", "ResourceId.2", a, "Tag.1.Key", "k"), 400, "InvalidParameter",
                "ResourceId.1");
        tagRefused(Map.of("ResourceType", "domain", "ResourceId.1", a, "ResourceId.2", a.toUpperCase(),
                "Tag.1.Key", "k"), 400, "InvalidParameter", "named twice");
        tagRefused(Map.of("ResourceType", "domain", "ResourceId.1", a), 400, "MissingParameter", "Tag.1.Key");
        tagRefused(Map.of("ResourceType", "domain", "ResourceId.1", a, "Tag.1.Key", "k", "Tag.3.Key", "j"), 400,
                "InvalidParameter", "Tag.2");
        tagRefused(Map.of("ResourceType", "domain", "ResourceId.1", a, "Tag.1.Key", "aliyun:cost"), 400,
                "InvalidParameter", "reserved");
        tagRefused(Map.of("ResourceType", "domain", "ResourceId.1", a, "Tag.1.Key", "acs:x"), 400,
                "InvalidParameter", "reserved");
        tagRefused(Map.of("ResourceType", "domain", "ResourceId.1", a, "Tag.1.Key", "k", "Tag.1.Value",
                "v".repeat(129)), 400, "InvalidParameter", "Tag.1.Value");
        tagRefused(Map.of("ResourceType", "domain", "ResourceId.1", a, "Tag.1.Key", "line\nbreak"), 400,
                "InvalidParameter", "control character");
        Map<String, String> p = new HashMap<>(Map.of("ResourceType", "domain", "Tag.1.Key", "k"));
        for (int i = 1; i <= 51; i++) {
            p.put("ResourceId." + i, i == 1 ? a : "n" + i + ".vodcert-test.com");
        }
        tagRefused(p, 400, "InvalidParameter", "ResourceId.51");

        assertError(client.call("UnTagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a)), 400,
                "MissingParameter");
        assertError(client.call("UnTagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a,
                "TagKey.2", "keep")), 400, "InvalidParameter");
        assertThat(withTag("keep", "me")).isEqualTo(before).containsExactly(a);
        assertThat(withTag("k", null)).isEmpty();
    }

    private void tagRefused(Map<String, String> params, int status, String code, String mentioned) {
        TeaGenericClient.Failure f = tea.fail("TagVodResources", params);
        assertThat(f.status()).as(params.toString()).isEqualTo(status);
        assertThat(f.code()).as(params + " " + f.message()).isEqualTo(code);
        assertThat(f.message()).as(params.toString()).contains(mentioned);
    }

    /** The caller's domains carrying the tag (any value when {@code value} is null). */
    private List<String> withTag(String key, String value) {
        Map<String, String> p = new HashMap<>(Map.of("PageSize", "50", "Tag.1.Key", key));
        if (value != null) {
            p.put("Tag.1.Value", value);
        }
        JsonNode body = ok(client.call("DescribeVodUserDomains", p)).json();
        List<String> out = new ArrayList<>();
        body.path("Domains").path("PageData").forEach(d -> out.add(d.path("DomainName").asText()));
        return out;
    }
}

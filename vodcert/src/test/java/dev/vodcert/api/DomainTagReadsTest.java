package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.NewerModels;
import dev.vodcert.testing.NewerModels.ListTagResource;
import dev.vodcert.testing.NewerModels.ListTagsBody;
import dev.vodcert.testing.NewerModels.TagResource;
import dev.vodcert.testing.NewerModels.TagResourcesBody;
import dev.vodcert.testing.TeaGenericClient;
import dev.vodcert.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tags read back: {@code DescribeVodTagResources} and {@code ListTagResources} (with
 * {@code NextToken} paging) through the generic {@code tea-openapi} client, their answers read
 * into the shapes the newer SDK models declare; and {@code UnTagVodResources} with {@code All=true}.
 */
class DomainTagReadsTest extends ApiTestBase {
    private TeaGenericClient tea;
    private TeaGenericClient otherTea;

    @BeforeAll
    void tea() {
        tea = new TeaGenericClient(server.endpoint(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        otherTea = new TeaGenericClient(server.endpoint(), server.otherKey().accessKeyId(),
                server.otherKey().accessKeySecret());
    }

    @Test
    void describeVodTagResourcesGivesEachDomainItsTags() {
        String a = addDomain(uniqueDomain("dtr"));
        String b = addDomain(uniqueDomain("dtr"));
        String bare = addDomain(uniqueDomain("dtr"));
        tag(a, "env", "prod", "team", "video");
        tag(b, "env", "test");

        TagResourcesBody body = NewerModels.read(tea.call("DescribeVodTagResources", Map.of("ResourceType", "domain",
                "ResourceId.1", a, "ResourceId.2", b, "ResourceId.3", bare)), new TagResourcesBody());
        assertThat(body.requestId).isNotBlank();
        assertThat(flatten(body.tagResources)).containsExactly(a + " env=prod", a + " team=video", b + " env=test");

        TagResourcesBody onlyEnv = NewerModels.read(tea.call("DescribeVodTagResources", Map.of("ResourceType",
                "domain", "ResourceId.1", a, "ResourceId.2", b, "Tag.1.Key", "env", "Tag.1.Value", "prod")),
                new TagResourcesBody());
        assertThat(flatten(onlyEnv.tagResources)).containsExactly(a + " env=prod");

        TagResourcesBody foreign = NewerModels.read(otherTea.call("DescribeVodTagResources", Map.of("ResourceType",
                "domain", "ResourceId.1", a)), new TagResourcesBody());
        assertThat(foreign.tagResources).isEmpty();

        TeaGenericClient.Failure f = tea.fail("DescribeVodTagResources", Map.of("ResourceType", "domain"));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("MissingParameter");
        f = tea.fail("DescribeVodTagResources", Map.of("ResourceType", "app", "ResourceId.1", a));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("InvalidParameter");
    }

    @Test
    void listTagResourcesPagesWithNextToken() {
        List<String> expected = new ArrayList<>();
        List<String> mine = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            String name = addDomain("page" + d + "-" + uniqueDomain("ltr"));
            mine.add(name);
            Map<String, String> p = new HashMap<>(Map.of("ResourceType", "domain", "ResourceId.1", name));
            for (int t = 1; t <= 20; t++) {
                p.put("Tag." + t + ".Key", String.format("k%02d", t));
                p.put("Tag." + t + ".Value", "v" + t);
                expected.add(name + " " + String.format("k%02d", t) + "=v" + t + " domain");
            }
            ok(client.call("TagVodResources", p));
        }
        Map<String, String> query = new HashMap<>(Map.of("ResourceType", "domain"));
        for (int i = 0; i < mine.size(); i++) {
            query.put("ResourceId." + (i + 1), mine.get(i));
        }
        List<String> seen = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            Map<String, String> q = new HashMap<>(query);
            if (token != null) {
                q.put("NextToken", token);
            }
            ListTagsBody page = NewerModels.read(tea.call("ListTagResources", q), new ListTagsBody());
            pages++;
            assertThat(page.tagResources.tagResource.size()).isLessThanOrEqualTo(ListTagResources.PAGE);
            for (ListTagResource r : page.tagResources.tagResource) {
                seen.add(r.resourceId + " " + r.tagKey + "=" + r.tagValue + " " + r.resourceType);
            }
            token = page.nextToken;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected.stream().sorted().toList());

        ListTagsBody filtered = NewerModels.read(tea.call("ListTagResources", Map.of("ResourceType", "domain",
                "ResourceId.1", mine.get(0), "ResourceId.2", mine.get(1), "Tag.1.Key", "k03", "Tag.1.Value", "v3")),
                new ListTagsBody());
        assertThat(filtered.tagResources.tagResource).hasSize(40);
        assertThat(filtered.nextToken).isNull();

        TeaGenericClient.Failure f = tea.fail("ListTagResources", Map.of("ResourceType", "domain",
                "NextToken", "not-a-token!"));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("InvalidParameter");
        assertThat(f.message()).contains("NextToken");
        ListTagsBody none = NewerModels.read(otherTea.call("ListTagResources", query), new ListTagsBody());
        assertThat(none.tagResources.tagResource).isEmpty();
    }

    @Test
    void unTagWithAllRemovesEveryTagOfTheNamedDomainsOnly() {
        String a = addDomain(uniqueDomain("all"));
        String b = addDomain(uniqueDomain("all"));
        tag(a, "x", "1", "y", "2");
        tag(b, "x", "1");
        tea.call("UnTagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a, "All", "true"));
        assertThat(flatten(describe(a, b))).containsExactly(b + " x=1");

        tag(a, "x", "1", "y", "2");
        tea.call("UnTagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a, "TagKey.1", "y",
                "All", "true"));
        assertThat(flatten(describe(a, b))).containsExactly(a + " x=1", b + " x=1");

        TeaGenericClient.Failure f = tea.fail("UnTagVodResources", Map.of("ResourceType", "domain",
                "ResourceId.1", a, "All", "false"));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("MissingParameter");
        f = tea.fail("UnTagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", a, "All", "yes"));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("InvalidParameter");
        f = otherTea.fail("UnTagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", b, "All", "true"));
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");
        assertThat(flatten(describe(a, b))).containsExactly(a + " x=1", b + " x=1");
    }

    private void tag(String domain, String... pairs) {
        Map<String, String> p = new HashMap<>(Map.of("ResourceType", "domain", "ResourceId.1", domain));
        for (int i = 0; i < pairs.length; i += 2) {
            p.put("Tag." + (i / 2 + 1) + ".Key", pairs[i]);
            p.put("Tag." + (i / 2 + 1) + ".Value", pairs[i + 1]);
        }
        ok(client.call("TagVodResources", p));
    }

    private List<TagResource> describe(String a, String b) {
        return NewerModels.read(tea.call("DescribeVodTagResources", Map.of("ResourceType", "domain",
                "ResourceId.1", a, "ResourceId.2", b)), new TagResourcesBody()).tagResources;
    }

    private static List<String> flatten(List<TagResource> resources) {
        List<String> out = new ArrayList<>();
        for (TagResource r : resources) {
            r.tag.forEach(t -> out.add(r.resourceId + " " + t.key + "=" + t.value));
        }
        return out;
    }
}

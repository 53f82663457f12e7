package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.http.FormatType;
import com.aliyuncs.vod.model.v20170321.DescribeVodUserDomainsRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodUserDomainsResponse;
import com.aliyuncs.vod.model.v20170321.DescribeVodUserDomainsResponse.PageData;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.account.NewAccessKey;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.V1Client;
import dev.vodcert.testing.V1Client.Failure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DescribeVodUserDomains}: paging, the four search types, the status and tag filters, the
 * wire shape (numbers, {@code SslProtocol}, wrapped lists) and every refusal, on an account of its
 * own with a known set of domains.
 */
class DescribeVodUserDomainsTest extends ApiTestBase {
    /** The account's domains, in name order. */
    private static final List<String> NAMES = List.of("a.alpha-list.com", "b.alpha-list.com", "cdn.beta-list.net",
            "img.alpha-list.com.cn", "video.gamma-list.org", "www.beta-list.net", "xn--cy2a840a.delta-list.com");

    private SignedClient lister;
    private V1Client sdk;

    @BeforeAll
    void domains() {
        NewAccessKey key = server.app().accessKeys().create(server.app().accessKeys().account("lister"));
        lister = new SignedClient(server.port(), key.accessKeyId(), key.accessKeySecret());
        sdk = new V1Client(server.endpoint(), key.accessKeyId(), key.accessKeySecret());
        for (String name : NAMES) {
            ok(lister.call("AddVodDomain", Map.of("DomainName", name, "Sources", SOURCES)));
        }
        addDomain("a.alpha-list-other-account.com");
        ok(lister.call("BatchStopVodDomain", Map.of("DomainNames", "www.beta-list.net")));
        ok(lister.call("TagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", "a.alpha-list.com",
                "ResourceId.2", "cdn.beta-list.net", "Tag.1.Key", "env", "Tag.1.Value", "prod")));
        ok(lister.call("TagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", "b.alpha-list.com",
                "Tag.1.Key", "env", "Tag.1.Value", "test", "Tag.2.Key", "team", "Tag.2.Value", "video")));
        ok(lister.call("TagVodResources", Map.of("ResourceType", "domain", "ResourceId.1", "a.alpha-list.com",
                "Tag.1.Key", "team", "Tag.1.Value", "video")));
    }

    @Test
    void defaultPageThroughTheSdk() {
        DescribeVodUserDomainsResponse r = sdk.call(new DescribeVodUserDomainsRequest());
        assertThat(r.getPageNumber()).isEqualTo(1L);
        assertThat(r.getPageSize()).isEqualTo(20L);
        assertThat(r.getTotalCount()).isEqualTo(NAMES.size());
        assertThat(r.getDomains()).extracting(PageData::getDomainName).containsExactlyElementsOf(NAMES);
        PageData first = r.getDomains().get(0);
        assertThat(first.getCname()).isEqualTo("a.alpha-list.com.w.alikunlun.com");
        assertThat(first.getDomainStatus()).isEqualTo("online");
        assertThat(first.getSslProtocol()).isEqualTo("off");
        assertThat(first.getSandbox()).isEqualTo("normal");
        assertThat(first.getGmtCreated()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.getGmtModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.getSources()).hasSize(1);
        assertThat(first.getSources().get(0).getContent()).isEqualTo("1.1.1.1");
        assertThat(first.getSources().get(0).getType()).isEqualTo("ipaddr");
        assertThat(first.getSources().get(0).getPriority()).isEqualTo("20");
        assertThat(first.getSources().get(0).getPort()).isEqualTo(80);
        assertThat(r.getDomains().get(5).getDomainStatus()).isEqualTo("offline");
    }

    @Test
    void wireShapeHasNumbersAndWrappedLists() {
        JsonNode body = ok(lister.call("DescribeVodUserDomains", Map.of("PageSize", "1"))).json();
        assertThat(body.path("PageNumber").isIntegralNumber()).isTrue();
        assertThat(body.path("PageSize").isIntegralNumber()).isTrue();
        assertThat(body.path("TotalCount").isIntegralNumber()).isTrue();
        assertThat(body.path("TotalCount").asLong()).isEqualTo(NAMES.size());
        JsonNode page = body.path("Domains").path("PageData");
        assertThat(page.isArray()).isTrue();
        assertThat(page.size()).isEqualTo(1);
        assertThat(page.get(0).has("SslProtocol")).isTrue();
        assertThat(page.get(0).has("SSLProtocol")).isFalse();
        assertThat(page.get(0).path("Sources").path("Source").get(0).path("Port").isInt()).isTrue();
    }

    @Test
    void xmlThroughTheSdk() {
        DescribeVodUserDomainsRequest r = new DescribeVodUserDomainsRequest();
        r.setSysAcceptFormat(FormatType.XML);
        r.setPageSize(3);
        DescribeVodUserDomainsResponse page = sdk.call(r);
        assertThat(page.getTotalCount()).isEqualTo(NAMES.size());
        assertThat(page.getDomains()).extracting(PageData::getDomainName).containsExactlyElementsOf(NAMES.subList(0, 3));
        assertThat(page.getDomains().get(0).getSources().get(0).getPort()).isEqualTo(80);
    }

    @Test
    void pagesFollowEachOther() {
        assertThat(names(page(1, 3))).containsExactlyElementsOf(NAMES.subList(0, 3));
        assertThat(names(page(2, 3))).containsExactlyElementsOf(NAMES.subList(3, 6));
        assertThat(names(page(3, 3))).containsExactlyElementsOf(NAMES.subList(6, 7));
        DescribeVodUserDomainsResponse beyond = page(4, 3);
        assertThat(beyond.getDomains()).isEmpty();
        assertThat(beyond.getTotalCount()).isEqualTo(NAMES.size());
        assertThat(beyond.getPageNumber()).isEqualTo(4L);
        assertThat(names(page(1, 50))).containsExactlyElementsOf(NAMES);
        assertThat(page(2_147_483_647, 50).getDomains()).isEmpty();
    }

    @Test
    void searchTypes() {
        assertThat(search("alpha-list", null)).containsExactly("a.alpha-list.com", "b.alpha-list.com",
                "img.alpha-list.com.cn");
        assertThat(search("beta", "fuzzy_match")).containsExactly("cdn.beta-list.net", "www.beta-list.net");
        assertThat(search("a.", "pre_match")).containsExactly("a.alpha-list.com");
        assertThat(search("list.com", "suf_match")).containsExactly("a.alpha-list.com", "b.alpha-list.com",
                "xn--cy2a840a.delta-list.com");
        assertThat(search("b.alpha-list.com", "full_match")).containsExactly("b.alpha-list.com");
        assertThat(search("B.ALPHA-LIST.COM", "full_match")).containsExactly("b.alpha-list.com");
        assertThat(search("alpha-list.co", "full_match")).isEmpty();
        assertThat(search("视频", null)).containsExactly("xn--cy2a840a.delta-list.com");
        assertThat(search("alpha-list-other-account", null)).isEmpty();
    }

    @Test
    void statusFilter() {
        assertThat(names(query(Map.of("DomainStatus", "offline")))).containsExactly("www.beta-list.net");
        DescribeVodUserDomainsRequest r = new DescribeVodUserDomainsRequest();
        r.setDomainStatus("online");
        r.setDomainName("beta");
        assertThat(names(sdk.call(r))).containsExactly("cdn.beta-list.net");
        assertThat(names(query(Map.of("DomainStatus", "configuring")))).isEmpty();
    }

    @Test
    void tagFilterThroughTheSdk() {
        assertThat(tagged(Map.of("env", "prod"))).containsExactly("a.alpha-list.com", "cdn.beta-list.net");
        assertThat(tagged(Map.of("team", "video"))).containsExactly("a.alpha-list.com", "b.alpha-list.com");
        Map<String, String> both = new HashMap<>();
        both.put("env", "prod");
        both.put("team", "video");
        assertThat(tagged(both)).containsExactly("a.alpha-list.com");
        assertThat(tagged(Map.of("env", "staging"))).isEmpty();
        DescribeVodUserDomainsRequest anyValue = new DescribeVodUserDomainsRequest();
        DescribeVodUserDomainsRequest.Tag env = new DescribeVodUserDomainsRequest.Tag();
        env.setKey("env");
        anyValue.setTags(List.of(env));
        assertThat(names(sdk.call(anyValue))).containsExactly("a.alpha-list.com", "b.alpha-list.com",
                "cdn.beta-list.net");
    }

    @Test
    void badPagingIsRefusedNamingTheParameter() {
        JsonNode before = all();
        refused(Map.of("PageSize", "0"), "PageSize");
        refused(Map.of("PageSize", "51"), "PageSize");
        refused(Map.of("PageSize", "500"), "PageSize");
        refused(Map.of("PageSize", "99999999999999999999"), "PageSize");
        refused(Map.of("PageSize", "-1"), "PageSize");
        refused(Map.of("PageSize", "ten"), "PageSize");
        refused(Map.of("PageNumber", "0"), "PageNumber");
        refused(Map.of("PageNumber", "1.5"), "PageNumber");
        refused(Map.of("PageNumber", "2147483648"), "PageNumber");
        DescribeVodUserDomainsRequest r = new DescribeVodUserDomainsRequest();
        r.setPageSize(0);
        Failure f = sdk.fail(r);
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("InvalidParameter");
        assertThat(f.message()).contains("PageSize");
        assertThat(all()).isEqualTo(before);
    }

    @Test
    void badFiltersAreRefused() {
        JsonNode before = all();
        refused(Map.of("DomainSearchType", "regex"), "DomainSearchType");
        refused(Map.of("DomainSearchType", "FUZZY_MATCH"), "DomainSearchType");
        refused(Map.of("DomainStatus", "running"), "DomainStatus");
        refused(Map.of("DomainName", "a_b"), "DomainName");
        refused(Map.of("DomainName", "%"), "DomainName");
        refused(Map.of("Tag.1.Key", "env", "Tag.3.Key", "team"), "Tag.2");
        refused(Map.of("Tag.2.Key", "env"), "Tag.1");
        refused(Map.of("Tag.21.Key", "env"), "Tag.21.Key");
        refused(Map.of("Tag.01.Key", "env"), "Tag.01.Key");
        refused(Map.of("Tag.1.Colour", "red"), "Tag.1.Colour");
        refused(Map.of("Tag.1.Key", "env", "Tag.2.Key", "env"), "Tag.2.Key");
        refused(Map.of("Tag.1.Key", "k".repeat(129)), "Tag.1.Key");
        assertError(lister.call("DescribeVodUserDomains", Map.of("Tag.1.Value", "prod")), 400, "MissingParameter");
        DescribeVodUserDomainsRequest r = new DescribeVodUserDomainsRequest();
        r.setDomainSearchType("exact");
        Failure f = sdk.fail(r);
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("InvalidParameter");
        assertThat(all()).isEqualTo(before);
    }

    private void refused(Map<String, String> params, String named) {
        SignedClient.Answer a = lister.call("DescribeVodUserDomains", params);
        assertError(a, 400, "InvalidParameter");
        assertThat(a.json().path("Message").asText()).as(params.toString()).contains("\"" + named + "\"");
    }

    private JsonNode all() {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) ok(lister.call("DescribeVodUserDomains",
                Map.of("PageSize", "50"))).json();
        node.remove("RequestId");
        return node;
    }

    private DescribeVodUserDomainsResponse page(int number, int size) {
        DescribeVodUserDomainsRequest r = new DescribeVodUserDomainsRequest();
        r.setPageNumber(number);
        r.setPageSize(size);
        return sdk.call(r);
    }

    private List<String> search(String text, String type) {
        DescribeVodUserDomainsRequest r = new DescribeVodUserDomainsRequest();
        r.setDomainName(text);
        r.setDomainSearchType(type);
        return names(sdk.call(r));
    }

    private List<String> tagged(Map<String, String> tags) {
        DescribeVodUserDomainsRequest r = new DescribeVodUserDomainsRequest();
        r.setTags(tags.entrySet().stream().map(e -> {
            DescribeVodUserDomainsRequest.Tag t = new DescribeVodUserDomainsRequest.Tag();
            t.setKey(e.getKey());
            t.setValue(e.getValue());
            return t;
        }).toList());
        return names(sdk.call(r));
    }

    private List<String> names(DescribeVodUserDomainsResponse r) {
        return r.getDomains().stream().map(PageData::getDomainName).toList();
    }

    private List<String> names(JsonNode body) {
        List<String> out = new java.util.ArrayList<>();
        body.path("Domains").path("PageData").forEach(d -> out.add(d.path("DomainName").asText()));
        return out;
    }

    private JsonNode query(Map<String, String> params) {
        return ok(lister.call("DescribeVodUserDomains", params)).json();
    }
}

package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.http.FormatType;
import com.aliyuncs.vod.model.v20170321.BatchSetVodDomainConfigsRequest;
import com.aliyuncs.vod.model.v20170321.DeleteVodSpecificConfigRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainConfigsRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainConfigsResponse.DomainConfig;
import dev.vodcert.domain.HttpsPolicy;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestServer;
import dev.vodcert.testing.V1Client;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The domain configuration actions through the official V1 SDK's models: rules set on several
 * domains at once, read back with their ConfigIds (JSON and XML), updated by ConfigId, deleted;
 * every refusal (by Code and HTTP status) leaves the stored rules as they were; and the HTTPS
 * policy the rules make, as the edge reads it.
 */
class DomainConfigsTest extends DomainSdkTestBase {
    static final String HTTPS_RULES = "[{\"functionName\":\"https_force\",\"functionArgs\":[{\"argName\":\"enable\","
            + "\"argValue\":\"on\"},{\"argName\":\"https_rewrite\",\"argValue\":\"308\"}]},"
            + "{\"functionName\":\"https_tls_version\",\"functionArgs\":[{\"argName\":\"tls13\",\"argValue\":\"on\"},"
            + "{\"argName\":\"tls10\",\"argValue\":\"off\"},{\"argName\":\"tls11\",\"argValue\":\"off\"}]},"
            + "{\"functionName\":\"HSTS\",\"functionArgs\":[{\"argName\":\"enabled\",\"argValue\":\"on\"},"
            + "{\"argName\":\"https_hsts_max_age\",\"argValue\":\"86400\"},"
            + "{\"argName\":\"https_hsts_include_subdomains\",\"argValue\":\"on\"}]},"
            + "{\"functionName\":\"https_option\",\"functionArgs\":[{\"argName\":\"http2\",\"argValue\":\"off\"},"
            + "{\"argName\":\"ocsp_stapling\",\"argValue\":\"on\"}]},"
            + "{\"functionName\":\"set_req_host_header\",\"functionArgs\":[{\"argName\":\"domain_name\","
            + "\"argValue\":\"origin.example.com\"}]}]";
    static final String FUNCTIONS = "https_force,http_force,https_tls_version,HSTS,https_option,set_req_host_header";

    @Test
    void rulesAreSetOnSeveralDomainsAndReadBackThroughTheSdk() {
        String a = addDomain(uniqueDomain("cfg"));
        String b = addDomain(uniqueDomain("cfg"));
        set(sdk, a + "," + b, HTTPS_RULES);

        for (String domain : List.of(a, b)) {
            List<DomainConfig> configs = describe(domain, FUNCTIONS);
            assertThat(configs).extracting(DomainConfig::getFunctionName)
                    .containsExactlyInAnyOrder("https_force", "https_tls_version", "HSTS", "https_option",
                            "set_req_host_header");
            assertThat(configs).allSatisfy(c -> {
                assertThat(c.getStatus()).isEqualTo("success");
                assertThat(c.getConfigId()).matches("[0-9]+");
            });
            assertThat(args(find(configs, "https_tls_version")))
                    .containsExactly("tls10=off", "tls11=off", "tls13=on");
            assertThat(args(find(configs, "HSTS"))).containsExactly("enabled=on", "https_hsts_max_age=86400",
                    "https_hsts_include_subdomains=on");
        }
        assertThat(describe(a, "HSTS")).extracting(DomainConfig::getFunctionName).containsExactly("HSTS");
        assertThat(describe(a, "http_force")).isEmpty();
        assertThat(describe(a, "HSTS").get(0).getConfigId()).isNotEqualTo(describe(b, "HSTS").get(0).getConfigId());
    }

    @Test
    void xmlAnswersWrapTheListsAsTheSdkReadsThem() {
        String a = addDomain(uniqueDomain("xml"));
        set(sdk, a, HTTPS_RULES);
        DescribeVodDomainConfigsRequest r = new DescribeVodDomainConfigsRequest();
        r.setDomainName(a);
        r.setFunctionNames("HSTS,set_req_host_header");
        r.setSysAcceptFormat(FormatType.XML);
        List<DomainConfig> configs = sdk.call(r).getDomainConfigs();
        assertThat(configs).hasSize(2);
        assertThat(args(find(configs, "set_req_host_header"))).containsExactly("domain_name=origin.example.com");
        assertThat(args(find(configs, "HSTS"))).hasSize(3);
    }

    @Test
    void settingAFunctionAgainOrByConfigIdKeepsItsConfigId() {
        String a = addDomain(uniqueDomain("upd"));
        set(sdk, a, host("first.example.com", null));
        String id = describe(a, "set_req_host_header").get(0).getConfigId();

        set(sdk, a, host("second.example.com", null));
        List<DomainConfig> again = describe(a, "set_req_host_header");
        assertThat(again).hasSize(1);
        assertThat(again.get(0).getConfigId()).isEqualTo(id);
        assertThat(args(again.get(0))).containsExactly("domain_name=second.example.com");

        set(sdk, a, host("third.example.com", id));
        assertThat(args(describe(a, "set_req_host_header").get(0))).containsExactly("domain_name=third.example.com");

        DescribeVodDomainConfigsRequest byId = new DescribeVodDomainConfigsRequest();
        byId.setDomainName(a);
        byId.setFunctionNames("set_req_host_header,HSTS");
        byId.putQueryParameter("ConfigId", id);
        assertThat(sdk.call(byId).getDomainConfigs()).extracting(DomainConfig::getConfigId).containsExactly(id);
    }

    @Test
    void anUnknownConfigIdIsConfigNotFoundAndChangesNothing() {
        String a = addDomain(uniqueDomain("nf"));
        String b = addDomain(uniqueDomain("nf"));
        set(sdk, a, host("kept.example.com", null));
        String idOfB;
        set(sdk, b, host("b.example.com", null));
        idOfB = describe(b, "set_req_host_header").get(0).getConfigId();

        V1Client.Failure f = sdk.fail(setRequest(a, host("changed.example.com", idOfB)));
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("ConfigNotFound");
        assertThat(f.message()).startsWith("The specified configid does not exist.");
        assertThat(args(describe(a, "set_req_host_header").get(0))).containsExactly("domain_name=kept.example.com");
        assertThat(args(describe(b, "set_req_host_header").get(0))).containsExactly("domain_name=b.example.com");

        DeleteVodSpecificConfigRequest delete = new DeleteVodSpecificConfigRequest();
        delete.setDomainName(a);
        delete.setConfigId(idOfB);
        f = sdk.fail(delete);
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("ConfigNotFound");
        assertThat(describe(b, "set_req_host_header")).hasSize(1);

        DescribeVodDomainConfigsRequest byId = new DescribeVodDomainConfigsRequest();
        byId.setDomainName(a);
        byId.setFunctionNames("set_req_host_header");
        byId.putQueryParameter("ConfigId", "999999999");
        f = sdk.fail(byId);
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("ConfigNotFound");
    }

    @Test
    void rulesAreDeletedByConfigIdAllOrNone() {
        String a = addDomain(uniqueDomain("del"));
        set(sdk, a, HTTPS_RULES);
        List<DomainConfig> before = describe(a, FUNCTIONS);
        String hsts = find(before, "HSTS").getConfigId();
        String host = find(before, "set_req_host_header").getConfigId();

        DeleteVodSpecificConfigRequest bad = new DeleteVodSpecificConfigRequest();
        bad.setDomainName(a);
        bad.setConfigId(hsts + ",123456789");
        V1Client.Failure f = sdk.fail(bad);
        assertThat(f.code()).isEqualTo("ConfigNotFound");
        assertThat(f.status()).isEqualTo(404);
        assertThat(describe(a, FUNCTIONS)).hasSameSizeAs(before);

        DeleteVodSpecificConfigRequest delete = new DeleteVodSpecificConfigRequest();
        delete.setDomainName(a);
        delete.setConfigId(hsts + "," + host);
        sdk.call(delete);
        assertThat(describe(a, FUNCTIONS)).extracting(DomainConfig::getFunctionName)
                .containsExactlyInAnyOrder("https_force", "https_tls_version", "https_option");
    }

    @Test
    void badFunctionsAreRefusedWithTheDocumentedCodesAndStoreNothing() {
        String a = addDomain(uniqueDomain("bad"));
        Map<String, String> malformed = Map.of(
                "unknown function", rule("no_such_function", "enable", "on"),
                "missing argument", rule("HSTS", "https_hsts_max_age", "100"),
                "unknown argument", rule("https_force", "enabled", "on"),
                "switch not on/off", rule("https_force", "enable", "yes"),
                "negative max age", rule("HSTS", "enabled", "on", "https_hsts_max_age", "-1"),
                "max age too long", rule("HSTS", "enabled", "on", "https_hsts_max_age", "31536001"),
                "host with a space", rule("set_req_host_header", "domain_name", "a b.com"),
                "every TLS version off", rule("https_tls_version", "tls10", "off", "tls11", "off", "tls12", "off",
                        "tls13", "off"),
                "no argument for an any-of function", "[{\"functionName\":\"https_option\",\"functionArgs\":[]}]",
                "an argument twice", rule("https_force", "enable", "on", "enable", "off"));
        malformed.forEach((what, functions) -> {
            V1Client.Failure f = sdk.fail(setRequest(a, functions));
            assertThat(f.status()).as(what).isEqualTo(400);
            assertThat(f.code()).as(what).isEqualTo("InvalidArgValue.Malformed");
            assertThat(f.message()).as(what).startsWith("The specified ArgValue is invalid.");
        });
        for (String notTheShape : List.of("not json", "{}", "[]", "[{\"functionName\":\"HSTS\"}]",
                "[{\"functionArgs\":[]}]", "[{\"functionName\":\"HSTS\",\"functionArgs\":[{\"argName\":\"x\"}]}]",
                "[{\"functionName\":\"HSTS\",\"functionArgs\":[],\"configId\":\"x1\"}]")) {
            V1Client.Failure f = sdk.fail(setRequest(a, notTheShape));
            assertThat(f.status()).as(notTheShape).isEqualTo(400);
            assertThat(f.code()).as(notTheShape).isEqualTo("InvalidParameter");
        }
        V1Client.Failure twice = sdk.fail(setRequest(a, "[" + stripBrackets(rule("HSTS", "enabled", "on")) + ","
                + stripBrackets(rule("HSTS", "enabled", "off")) + "]"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.code()).isEqualTo("ConfigDuplicate");
        V1Client.Failure bothForces = sdk.fail(setRequest(a, "[" + stripBrackets(rule("https_force", "enable", "on"))
                + "," + stripBrackets(rule("http_force", "enable", "on")) + "]"));
        assertThat(bothForces.code()).isEqualTo("InvalidArgValue.Malformed");
        assertThat(bothForces.status()).isEqualTo(400);
        assertThat(describe(a, FUNCTIONS)).isEmpty();

        DescribeVodDomainConfigsRequest unknown = new DescribeVodDomainConfigsRequest();
        unknown.setDomainName(a);
        unknown.setFunctionNames("HSTS,nope");
        V1Client.Failure f = sdk.fail(unknown);
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("InvalidArgValue.Malformed");
    }

    @Test
    void rulesBelongToTheAccountAndGoWithTheDomain() {
        String mine = addDomain(uniqueDomain("own"));
        String theirs = uniqueDomain("theirs");
        ok(other.call("AddVodDomain", Map.of("DomainName", theirs, "Sources", SOURCES)));
        set(otherSdk, theirs, host("theirs.example.com", null));

        V1Client.Failure f = sdk.fail(setRequest(mine + "," + theirs, host("stolen.example.com", null)));
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");
        assertThat(f.message()).contains(theirs);
        assertThat(describe(mine, FUNCTIONS)).isEmpty();

        DescribeVodDomainConfigsRequest look = new DescribeVodDomainConfigsRequest();
        look.setDomainName(theirs);
        look.setFunctionNames("set_req_host_header");
        f = sdk.fail(look);
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");

        set(sdk, mine, HTTPS_RULES);
        ok(client.call("DeleteVodDomain", Map.of("DomainName", mine)));
        assertThat(server.app().domainConfigs().httpsPolicy(mine)).isEmpty();
        addDomain(mine);
        assertThat(describe(mine, FUNCTIONS)).isEmpty();
    }

    @Test
    void theRulesMakeTheHttpsPolicyTheEdgeReads() {
        String a = addDomain(uniqueDomain("policy"));
        HttpsPolicy plain = server.app().domainConfigs().httpsPolicy(a).orElseThrow();
        assertThat(plain).isEqualTo(new HttpsPolicy(false, false, 301, false, 301,
                Set.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"), false, HttpsPolicy.DEFAULT_HSTS_MAX_AGE, false,
                true, false, null));
        assertThat(plain.hstsHeader()).isNull();

        set(sdk, a, HTTPS_RULES);
        HttpsPolicy p = server.app().domainConfigs().httpsPolicy(a).orElseThrow();
        assertThat(p).isEqualTo(new HttpsPolicy(false, true, 308, false, 301, Set.of("TLSv1.2", "TLSv1.3"), true, 86400,
                true, false, true, "origin.example.com"));
        assertThat(p.hstsHeader()).isEqualTo("max-age=86400; includeSubDomains");

        set(sdk, a, rule("http_force", "enable", "on"));
        HttpsPolicy flipped = server.app().domainConfigs().httpsPolicy(a).orElseThrow();
        assertThat(flipped.forceHttp()).isTrue();
        assertThat(flipped.forceHttps()).isFalse();
        assertThat(describe(a, "https_force")).isEmpty();
        assertThat(server.app().domainConfigs().httpsPolicy("absent.vodcert-test.com")).isEmpty();
    }

    @Test
    void rulesSurviveARestart() {
        String a = addDomain(uniqueDomain("restart"));
        set(sdk, a, HTTPS_RULES);
        List<String> before = describe(a, FUNCTIONS).stream().map(c -> c.getConfigId() + args(c)).sorted().toList();
        server.restart();
        client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        other = new SignedClient(server.port(), server.otherKey().accessKeyId(), server.otherKey().accessKeySecret());
        sdks();
        assertThat(describe(a, FUNCTIONS).stream().map(c -> c.getConfigId() + args(c)).sorted().toList())
                .isEqualTo(before);
    }

    private static String host(String value, String configId) {
        return "[{\"functionName\":\"set_req_host_header\",\"functionArgs\":[{\"argName\":\"domain_name\","
                + "\"argValue\":\"" + value + "\"}]" + (configId == null ? "" : ",\"configId\":" + configId) + "}]";
    }

    /** A Functions list of one rule with these argName, argValue pairs. */
    static String rule(String function, String... pairs) {
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            args.append(i == 0 ? "" : ",").append("{\"argName\":\"").append(pairs[i]).append("\",\"argValue\":\"")
                    .append(pairs[i + 1]).append("\"}");
        }
        return "[{\"functionName\":\"" + function + "\",\"functionArgs\":[" + args + "]}]";
    }

    private static String stripBrackets(String list) {
        return list.substring(1, list.length() - 1);
    }

    static BatchSetVodDomainConfigsRequest setRequest(String domains, String functions) {
        BatchSetVodDomainConfigsRequest r = new BatchSetVodDomainConfigsRequest();
        r.setDomainNames(domains);
        r.setFunctions(functions);
        return r;
    }

    static void set(V1Client sdk, String domains, String functions) {
        sdk.call(setRequest(domains, functions));
    }

    private List<DomainConfig> describe(String domain, String functions) {
        DescribeVodDomainConfigsRequest r = new DescribeVodDomainConfigsRequest();
        r.setDomainName(domain);
        r.setFunctionNames(functions);
        return sdk.call(r).getDomainConfigs();
    }

    private static DomainConfig find(List<DomainConfig> configs, String function) {
        return configs.stream().filter(c -> c.getFunctionName().equals(function)).findFirst().orElseThrow();
    }

    private static List<String> args(DomainConfig c) {
        return c.getFunctionArgs().stream().map(a -> a.getArgName() + "=" + a.getArgValue())
                .collect(Collectors.toList());
    }
}

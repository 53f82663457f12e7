package dev.vodcert.api;

import com.aliyuncs.vod.model.v20170321.DescribeVodDomainDetailRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainDetailResponse.DomainDetail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vodcert.testing.TestServer;
import dev.vodcert.testing.V1Client;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** {@link ApiTestBase} with the official V1 SDK for both accounts, and a way to compare what is stored. */
abstract class DomainSdkTestBase extends ApiTestBase {
    V1Client sdk;
    V1Client otherSdk;

    @BeforeAll
    void sdks() {
        sdk = new V1Client(server.endpoint(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        otherSdk = new V1Client(server.endpoint(), server.otherKey().accessKeyId(), server.otherKey().accessKeySecret());
    }

    DomainDetail detail(String domain) {
        DescribeVodDomainDetailRequest r = new DescribeVodDomainDetailRequest();
        r.setDomainName(domain);
        return sdk.call(r).getDomainDetail();
    }

    /** What is stored about a domain, as DescribeVodDomainDetail shows it, without the RequestId. */
    JsonNode snapshot(String domain) {
        ObjectNode node = (ObjectNode) ok(client.call("DescribeVodDomainDetail", Map.of("DomainName", domain))).json();
        node.remove("RequestId");
        return node;
    }
}

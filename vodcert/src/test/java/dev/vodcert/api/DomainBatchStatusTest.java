package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.vod.model.v20170321.BatchStartVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.BatchStopVodDomainRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.V1Client.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code BatchStartVodDomain} / {@code BatchStopVodDomain} through the V1 SDK: all or nothing, and the list rules. */
class DomainBatchStatusTest extends DomainSdkTestBase {

    @Test
    void batchStopAndStartChangeEveryNamedDomain() {
        String a = addDomain(uniqueDomain("batch"));
        String b = addDomain(uniqueDomain("batch"));
        BatchStopVodDomainRequest stop = new BatchStopVodDomainRequest();
        stop.setDomainNames(a + " , " + b.toUpperCase());
        sdk.call(stop);
        assertThat(detail(a).getDomainStatus()).isEqualTo("offline");
        assertThat(detail(b).getDomainStatus()).isEqualTo("offline");

        BatchStartVodDomainRequest start = new BatchStartVodDomainRequest();
        start.setDomainNames(a + "," + b);
        sdk.call(start);
        assertThat(detail(a).getDomainStatus()).isEqualTo("online");
        assertThat(detail(b).getDomainStatus()).isEqualTo("online");
        sdk.call(start);
        assertThat(detail(a).getDomainStatus()).isEqualTo("online");
    }

    @Test
    void aBatchWithAForeignOrUnknownNameChangesNothing() {
        String mine = addDomain(uniqueDomain("mine"));
        String theirs = uniqueDomain("theirs");
        ok(other.call("AddVodDomain", Map.of("DomainName", theirs, "Sources", SOURCES)));
        String unknown = uniqueDomain("unknown");

        BatchStopVodDomainRequest stop = new BatchStopVodDomainRequest();
        stop.setDomainNames(mine + "," + theirs + "," + unknown);
        Failure f = sdk.fail(stop);
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");
        assertThat(f.message()).contains(theirs).contains(unknown).doesNotContain(mine);
        assertThat(detail(mine).getDomainStatus()).isEqualTo("online");
        assertThat(ok(other.call("DescribeVodDomainDetail", Map.of("DomainName", theirs))).json()
                .path("DomainDetail").path("DomainStatus").asText()).isEqualTo("online");
    }

    @Test
    void badDomainNamesListsAreRefusedAndChangeNothing() {
        String domain = addDomain(uniqueDomain("list"));
        JsonNode before = snapshot(domain);
        List<String> many = new ArrayList<>();
        many.add(domain);
        for (int i = 0; i < 50; i++) {
            many.add("n" + i + ".vodcert-test.com");
        }
        for (String names : List.of(",", domain + ",", domain + ",," + domain, String.join(",", many),
                domain + "," + domain.toUpperCase(), domain + ",xn--" + domain)) {
            BatchStopVodDomainRequest stop = new BatchStopVodDomainRequest();
            stop.setDomainNames(names);
            Failure f = sdk.fail(stop);
            if (names.startsWith(domain + ",xn--")) {
                assertThat(f.code()).as(names).isEqualTo("InvalidDomain.NotFound");
                assertThat(f.status()).isEqualTo(404);
            } else {
                assertThat(f.code()).as(names).isEqualTo("InvalidParameter");
                assertThat(f.status()).isEqualTo(400);
                assertThat(f.message()).contains("DomainNames");
            }
        }
        assertError(client.call("BatchStartVodDomain", Map.of()), 400, "MissingParameter");
        assertThat(snapshot(domain)).isEqualTo(before);
    }

    @Test
    void fiftyNamesAreAllowed() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            names.add(addDomain(uniqueDomain("fifty")));
        }
        List<String> fifty = new ArrayList<>(names);
        while (fifty.size() < 50) {
            fifty.add("missing" + fifty.size() + ".vodcert-test.com");
        }
        BatchStopVodDomainRequest stop = new BatchStopVodDomainRequest();
        stop.setDomainNames(String.join(",", fifty));
        Failure f = sdk.fail(stop);
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");
        stop.setDomainNames(String.join(",", names));
        sdk.call(stop);
        assertThat(detail(names.get(1)).getDomainStatus()).isEqualTo("offline");
    }
}

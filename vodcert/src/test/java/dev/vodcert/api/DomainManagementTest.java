package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.vod.model.v20170321.AddVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.BatchStartVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.BatchStopVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.DeleteVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainDetailRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainDetailResponse.DomainDetail;
import com.aliyuncs.vod.model.v20170321.UpdateVodDomainRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.account.NewAccessKey;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.V1Client;
import dev.vodcert.testing.V1Client.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code UpdateVodDomain}, {@code DeleteVodDomain} and the per-account domain limit, through the V1 SDK. */
class DomainManagementTest extends DomainSdkTestBase {
    private static final String NEW_SOURCES =
            "[{\"content\":\"origin.example.org\",\"type\":\"domain\",\"priority\":\"30\",\"port\":443}]";

    @Test
    void updateReplacesTheSources() {
        String domain = addDomain(uniqueDomain("update"));
        UpdateVodDomainRequest update = new UpdateVodDomainRequest();
        update.setDomainName(domain);
        update.setSources(NEW_SOURCES);
        update.setTopLevelDomain("vodcert-test.com");
        assertThat(sdk.call(update).getRequestId()).isNotBlank();

        DomainDetail detail = detail(domain);
        assertThat(detail.getSources()).hasSize(1);
        assertThat(detail.getSources().get(0).getType()).isEqualTo("domain");
        assertThat(detail.getSources().get(0).getContent()).isEqualTo("origin.example.org");
        assertThat(detail.getSources().get(0).getPriority()).isEqualTo("30");
        assertThat(detail.getSources().get(0).getPort()).isEqualTo(443);
        assertThat(detail.getDomainStatus()).isEqualTo("online");
    }

    @Test
    void updateWithoutSourcesKeepsThem() {
        String domain = addDomain(uniqueDomain("keep"));
        JsonNode before = snapshot(domain);
        UpdateVodDomainRequest update = new UpdateVodDomainRequest();
        update.setDomainName(domain);
        update.setTopLevelDomain("vodcert-test.com");
        sdk.call(update);
        assertThat(snapshot(domain).path("DomainDetail").path("Sources"))
                .isEqualTo(before.path("DomainDetail").path("Sources"));
    }

    @Test
    void badUpdatesAreRefusedAndChangeNothing() {
        String domain = addDomain(uniqueDomain("badupdate"));
        JsonNode before = snapshot(domain);
        assertUpdateRefused(domain, "not json", 400, "InvalidSources.Malformed");
        assertUpdateRefused(domain, "{\"content\":\"1.1.1.1\"}", 400, "InvalidSources.Malformed");
        assertUpdateRefused(domain, "[]", 400, "InvalidSources.Malformed");
        assertUpdateRefused(domain, "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"colour\":\"red\"}]", 400,
                "InvalidSources.Malformed");
        assertUpdateRefused(domain, "[{\"content\":\"1.1.1.1\",\"type\":\"ftp\"}]", 400, "InvalidSource.Type.Malformed");
        assertUpdateRefused(domain, "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"port\":70000}]", 400,
                "InvalidSource.Port.Malformed");
        assertUpdateRefused(domain, "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"port\":\"http\"}]", 400,
                "InvalidSource.Port.Malformed");
        assertUpdateRefused(domain, "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"10\"}]", 400,
                "InvalidSource.Priority.Malformed");
        assertUpdateRefused(domain, "[{\"content\":\"\",\"type\":\"ipaddr\"}]", 400, "InvalidSource.Content.Malformed");
        assertUpdateRefused(domain, "[{\"content\":\"not-an-ip.example.com\",\"type\":\"ipaddr\"}]", 400,
                "InvalidTypeContent.Mismatch");

        UpdateVodDomainRequest badTop = new UpdateVodDomainRequest();
        badTop.setDomainName(domain);
        badTop.setTopLevelDomain("bad_top.com");
        Failure f = sdk.fail(badTop);
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("InvalidDomainName.Malformed");

        assertError(client.call("UpdateVodDomain", Map.of("Sources", NEW_SOURCES)), 400, "MissingParameter");
        assertThat(snapshot(domain)).isEqualTo(before);
    }

    @Test
    void updateOfAnUnknownOrForeignDomainIsNotFound() {
        String domain = addDomain(uniqueDomain("foreign"));
        JsonNode before = snapshot(domain);
        UpdateVodDomainRequest update = new UpdateVodDomainRequest();
        update.setDomainName(domain);
        update.setSources(NEW_SOURCES);
        Failure f = otherSdk.fail(update);
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");
        assertThat(f.message()).isEqualTo("The domain does not exist, or it does not belong to you.");
        update.setDomainName(uniqueDomain("nowhere"));
        assertThat(sdk.fail(update).code()).isEqualTo("InvalidDomain.NotFound");
        assertThat(snapshot(domain)).isEqualTo(before);
    }

    @Test
    void anOfflineDomainRefusesUpdatesUntilStarted() {
        String domain = addDomain(uniqueDomain("offline"));
        BatchStopVodDomainRequest stop = new BatchStopVodDomainRequest();
        stop.setDomainNames(domain);
        sdk.call(stop);
        JsonNode before = snapshot(domain);

        UpdateVodDomainRequest update = new UpdateVodDomainRequest();
        update.setDomainName(domain);
        update.setSources(NEW_SOURCES);
        Failure f = sdk.fail(update);
        assertThat(f.status()).isEqualTo(403);
        assertThat(f.code()).isEqualTo("IllegalOperation");
        assertThat(f.message()).contains("offline").contains("BatchStartVodDomain");
        assertThat(snapshot(domain)).isEqualTo(before);

        BatchStartVodDomainRequest start = new BatchStartVodDomainRequest();
        start.setDomainNames(domain);
        sdk.call(start);
        sdk.call(update);
        assertThat(detail(domain).getSources().get(0).getContent()).isEqualTo("origin.example.org");
    }

    @Test
    void deleteRemovesTheDomainAndItsCertificateAndFreesTheName() {
        String domain = addDomain(uniqueDomain("delete"));
        Issued cert = TestCertificates.issue(domain);
        ok(setCertificate(domain, cert.chainPem(), cert.keyPemPkcs8()));

        DeleteVodDomainRequest delete = new DeleteVodDomainRequest();
        delete.setDomainName(domain);
        sdk.call(delete);

        DescribeVodDomainDetailRequest describe = new DescribeVodDomainDetailRequest();
        describe.setDomainName(domain);
        Failure gone = sdk.fail(describe);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("InvalidDomain.NotFound");
        assertThat(sdk.fail(delete).code()).isEqualTo("InvalidDomain.NotFound");

        AddVodDomainRequest again = new AddVodDomainRequest();
        again.setDomainName(domain);
        again.setSources(SOURCES);
        sdk.call(again);
        JsonNode info = certInfo(domain);
        assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("off");
        assertThat(info.path("CertId").asText()).isEmpty();
    }

    @Test
    void anotherAccountCannotDelete() {
        String domain = addDomain(uniqueDomain("keepme"));
        JsonNode before = snapshot(domain);
        DeleteVodDomainRequest delete = new DeleteVodDomainRequest();
        delete.setDomainName(domain);
        Failure f = otherSdk.fail(delete);
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.code()).isEqualTo("InvalidDomain.NotFound");
        assertError(client.call("DeleteVodDomain", Map.of()), 400, "MissingParameter");
        assertThat(snapshot(domain)).isEqualTo(before);
    }

    @Test
    void theTwentyFirstDomainOfAnAccountIsRefusedAndChangesNothing() {
        NewAccessKey key = server.app().accessKeys().create(server.app().accessKeys().account("limited"));
        SignedClient limited = new SignedClient(server.port(), key.accessKeyId(), key.accessKeySecret());
        V1Client limitedSdk = new V1Client(server.endpoint(), key.accessKeyId(), key.accessKeySecret());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            names.add(uniqueDomain("limit"));
            ok(limited.call("AddVodDomain", Map.of("DomainName", names.get(i), "Sources", SOURCES)));
        }
        String extra = uniqueDomain("limit");
        AddVodDomainRequest add = new AddVodDomainRequest();
        add.setDomainName(extra);
        add.setSources(SOURCES);
        Failure f = limitedSdk.fail(add);
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("DomainNumberLimitExceeded");
        assertThat(f.message()).contains("20");
        assertError(limited.call("DescribeVodDomainDetail", Map.of("DomainName", extra)), 404, "InvalidDomain.NotFound");
        assertThat(ok(limited.call("DescribeVodUserDomains", Map.of())).json().path("TotalCount").asLong())
                .isEqualTo(20);

        ok(limited.call("DeleteVodDomain", Map.of("DomainName", names.get(0))));
        limitedSdk.call(add);
        assertThat(ok(limited.call("DescribeVodUserDomains", Map.of())).json().path("TotalCount").asLong())
                .isEqualTo(20);
    }

    private void assertUpdateRefused(String domain, String sources, int status, String code) {
        UpdateVodDomainRequest update = new UpdateVodDomainRequest();
        update.setDomainName(domain);
        update.setSources(sources);
        Failure f = sdk.fail(update);
        assertThat(f.status()).as(sources).isEqualTo(status);
        assertThat(f.code()).as(sources + " -> " + f.message()).isEqualTo(code);
        assertThat(f.message()).isNotBlank();
    }
}

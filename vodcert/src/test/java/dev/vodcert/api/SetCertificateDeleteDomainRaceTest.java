package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.Race;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code SetVodDomainCertificate} (an upload) racing {@code DeleteVodDomain} of the same domain ends
 * as one of the two orders would, 100 rounds on H2 and on PostgreSQL: set then delete (both 200,
 * nothing left), or delete then set (the set answers {@code InvalidDomain.NotFound}, nothing
 * stored). Never an uploaded certificate left without its domain.
 */
class SetCertificateDeleteDomainRaceTest {
    private static final int ROUNDS = 100;

    @Test
    void onH2() throws Exception {
        try (TestServer server = new TestServer()) {
            rounds(server, "h2");
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (TestServer server = TestServer.onPostgres(EmbeddedPostgresServer.shared().newDatabase())) {
            rounds(server, "pg");
        }
    }

    private static void rounds(TestServer server, String tag) throws Exception {
        SignedClient client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        String parent = tag + ".set-delete-race.com";
        Issued cert = TestCertificates.issue("*." + parent);
        int setFirst = 0;
        try (Race race = new Race(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                String domain = "r" + round + "." + parent;
                ApiTestBase.ok(client.call("AddVodDomain", Map.of("DomainName", domain, "Sources", ApiTestBase.SOURCES)));
                Map<String, String> set = new LinkedHashMap<>();
                set.put("DomainName", domain);
                set.put("SSLProtocol", "on");
                set.put("SSLPub", cert.chainPem());
                set.put("SSLPri", cert.keyPemPkcs8());
                List<Answer> answers = race.run(List.of(
                        () -> client.call("SetVodDomainCertificate", set),
                        () -> client.call("DeleteVodDomain", Map.of("DomainName", domain))));

                Answer setAnswer = answers.get(0);
                ApiTestBase.ok(answers.get(1));
                if (setAnswer.status() == 200) {
                    setFirst++;
                } else {
                    assertThat(setAnswer.status()).as(setAnswer.body()).isEqualTo(404);
                    assertThat(setAnswer.code()).as(setAnswer.body()).isEqualTo("InvalidDomain.NotFound");
                }
                assertThat(client.call("DescribeVodDomainDetail", Map.of("DomainName", domain)).code())
                        .isEqualTo("InvalidDomain.NotFound");
                Answer list = ApiTestBase.ok(client.call("DescribeVodCertificateList", Map.of()));
                assertThat(list.json().path("CertificateListModel").path("Count").asInt())
                        .as("round %d: %s", round, list.body()).isZero();
            }
        }
        System.out.println(tag + ": the set came first in " + setFirst + " of " + ROUNDS + " rounds");
    }
}

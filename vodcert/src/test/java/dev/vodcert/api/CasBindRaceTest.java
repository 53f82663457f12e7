package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.Race;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCertificates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code DeleteUserCertificate} racing three {@code SetVodDomainSSLCertificate CertType=cas} binds
 * of the same stored certificate, 1,000 rounds: never a 200 for the delete and for a bind, and no
 * domain with HTTPS on left pointing at a certificate that is gone. The bind locks the stored
 * certificate's row, so the delete and each bind run one after the other.
 */
class CasBindRaceTest extends ApiTestBase {
    private static final int ROUNDS = 1_000;
    private static final String CAS = "2020-04-07";

    @Test
    void aDeleteAndABindOfTheSameCertificateNeverBothSucceed() throws Exception {
        String parent = uniqueDomain("casrace");
        List<String> domains = List.of(addDomain("a." + parent), addDomain("b." + parent), addDomain("c." + parent));
        Issued cert = TestCertificates.issue("*." + parent);
        try (Race race = new Race(1 + domains.size())) {
            for (int round = 0; round < ROUNDS; round++) {
                String id = ok(client.call("POST", false, "UploadUserCertificate", Map.of("Name", "race-" + round,
                        "Cert", cert.chainPem(), "Key", cert.keyPemPkcs8()), p -> p.put("Version", CAS)))
                        .json().path("CertId").asText();
                List<Supplier<Answer>> calls = new ArrayList<>();
                calls.add(() -> client.call("POST", false, "DeleteUserCertificate", Map.of("CertId", id),
                        p -> p.put("Version", CAS)));
                for (String domain : domains) {
                    calls.add(() -> client.call("SetVodDomainSSLCertificate", Map.of("DomainName", domain,
                            "SSLProtocol", "on", "CertType", "cas", "CertId", id)));
                }
                List<Answer> answers = race.run(calls);

                Answer delete = answers.get(0);
                boolean deleted = delete.status() == 200;
                if (!deleted) {
                    assertThat(delete.code()).as(delete.body()).isEqualTo("InvalidCertId.InUse");
                }
                for (Answer bind : answers.subList(1, answers.size())) {
                    if (bind.status() == 200) {
                        assertThat(deleted).as("round %d: the delete and a bind both answered 200", round).isFalse();
                    } else {
                        assertThat(bind.code()).as(bind.body()).isEqualTo("InvalidCertId.NotFound");
                    }
                }
                for (String domain : domains) {
                    JsonNode info = certInfo(domain);
                    if (info.path("ServerCertificateStatus").asText().equals("on")) {
                        assertThat(info.path("CertId").asText()).as("round %d, %s", round, domain).isNotEmpty();
                        if (deleted) {
                            assertThat(info.path("CertId").asText()).as("round %d, %s", round, domain).isNotEqualTo(id);
                        }
                    }
                }
            }
        }
    }
}

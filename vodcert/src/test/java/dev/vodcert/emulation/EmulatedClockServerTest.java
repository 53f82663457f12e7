package dev.vodcert.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.EmulatedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --clock emulated}, a test sees months of a free certificate's life in moments: moving
 * the clock runs the lifecycle, so the certificate is renewed once a third of its lifetime remains
 * (not before: the renewal time lies between 51 and 60 days into its 90) and {@code CertExpireTime}
 * passes when renewal fails. Requests keep being signed with the machine's time throughout.
 */
class EmulatedClockServerTest {
    @TempDir
    Path data;
    private EmulatedServer s;

    @BeforeEach
    void start() {
        s = new EmulatedServer(data, EmulationConfig.ALL, null);
        s.emulation.dns().orElseThrow().everythingPoints(true);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private JsonNode issued(String name) {
        s.addDomain(name);
        s.requestFree(name);
        s.emulation.runLifecycleNow();
        JsonNode info = s.certInfo(name);
        assertThat(info.path("Status").asText()).isEqualTo("success");
        return info;
    }

    @Test
    void movingTheClockRenewsAtOneThirdOfTheLifetimeRemainingAndNotBefore() {
        String name = "renew.vodcert-test.com";
        JsonNode first = issued(name);
        Instant start = Instant.parse(first.path("CertStartTime").asText());
        assertThat(Duration.between(start, Instant.parse(first.path("CertExpireTime").asText())))
                .isEqualTo(Duration.ofDays(90));

        s.emulation.advanceClock(Duration.ofDays(50));
        assertThat(s.certInfo(name).path("CertId").asText()).as("not due before 51 days")
                .isEqualTo(first.path("CertId").asText());

        s.emulation.advanceClock(Duration.ofDays(11));
        JsonNode renewed = s.certInfo(name);
        assertThat(renewed.path("Status").asText()).isEqualTo("success");
        assertThat(renewed.path("CertId").asText()).isNotEqualTo(first.path("CertId").asText());
        assertThat(Instant.parse(renewed.path("CertStartTime").asText()))
                .isAfterOrEqualTo(start.plus(Duration.ofDays(61)));
    }

    @Test
    void whenRenewalFailsTheCertificateExpiresAndTheStatusSaysSo() {
        String name = "expire.vodcert-test.com";
        JsonNode first = issued(name);
        s.emulation.issuer().orElseThrow().failAll(true);

        s.emulation.advanceClock(Duration.ofDays(61));
        assertThat(s.certInfo(name).path("Status").asText()).as("the old certificate still serves")
                .isEqualTo("success");

        Instant now = s.emulation.advanceClock(Duration.ofDays(30));
        JsonNode after = s.certInfo(name);
        assertThat(Instant.parse(after.path("CertExpireTime").asText())).isBefore(now);
        assertThat(after.path("CertId").asText()).isEqualTo(first.path("CertId").asText());
        assertThat(after.path("Status").asText()).isEqualTo("failed");
    }
}

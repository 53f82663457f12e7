package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.issuance.LifecycleTiming;
import dev.vodcert.issuance.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configuration of free certificates and of the admin listener is checked at start, naming the bad setting. */
class IssuanceConfigTest {
    private static final Config BASE = Config.defaults(Path.of("data"));

    @Test
    void defaultsAreTheLocalCaLetsEncryptsLimitsAndALoopbackAdminListener() {
        assertThat(BASE.issuance().issuer()).isEqualTo("local-ca");
        assertThat(BASE.issuance().rateLimits()).isEqualTo(RateLimits.LETS_ENCRYPT);
        assertThat(BASE.issuance().runLoop()).isTrue();
        assertThat(BASE.admin()).isEqualTo(new AdminConfig("127.0.0.1", 9402, null));
        assertThat(BASE.validate()).isSameAs(BASE);
    }

    @Test
    void badSettingsAreRefusedByName() {
        IssuanceConfig d = IssuanceConfig.defaults();
        assertThatThrownBy(() -> BASE.withIssuance(new IssuanceConfig("letsencrypt", null, null, Duration.ofSeconds(5),
                RateLimits.NONE, true, null)).validate()).hasMessageContaining("--issuer must be local-ca or acme");
        assertThatThrownBy(() -> BASE.withIssuance(new IssuanceConfig("acme", null, null, Duration.ofSeconds(5),
                RateLimits.NONE, true, null)).validate()).hasMessageContaining("--acme-directory");
        assertThatThrownBy(() -> BASE.withIssuance(d.withDnsResolver("8.8.8.8")).validate())
                .hasMessageContaining("--dns-resolver must be host:port");
        assertThat(BASE.withIssuance(d.withDnsResolver("[::1]:53")).validate()).isNotNull();
        assertThatThrownBy(() -> BASE.withAdmin(new AdminConfig("0.0.0.0", 9402, null)).validate())
                .hasMessageContaining("VODCERT_ADMIN_TOKEN");
        assertThat(BASE.withAdmin(new AdminConfig("0.0.0.0", 9402, "t")).validate()).isNotNull();
        assertThatThrownBy(() -> BASE.withAdmin(new AdminConfig("127.0.0.1", 70000, null)).validate())
                .hasMessageContaining("--admin-port");
        assertThat(new AdminConfig("127.0.0.1", -1, null).enabled()).isFalse();
    }

    @Test
    void theLeaseDurationIsASettingAndTheHeartbeatBeatsFourTimesPerLease() {
        IssuanceConfig d = IssuanceConfig.defaults();
        assertThat(d.leaseTtl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(LifecycleTiming.heartbeatFor(d.leaseTtl())).isEqualTo(Duration.ofSeconds(30));
        assertThat(LifecycleTiming.heartbeatFor(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(750));
        assertThat(BASE.withIssuance(d.withLeaseTtl(Duration.ofSeconds(1))).validate()).isNotNull();
        assertThat(BASE.withIssuance(d.withLeaseTtl(Duration.ofDays(1))).validate()).isNotNull();
        assertThatThrownBy(() -> BASE.withIssuance(d.withLeaseTtl(Duration.ZERO)).validate())
                .hasMessage("--lease-seconds must be from 1 to 86400, not 0");
        assertThatThrownBy(() -> BASE.withIssuance(d.withLeaseTtl(Duration.ofSeconds(86_401))).validate())
                .hasMessage("--lease-seconds must be from 1 to 86400, not 86401");
        assertThatThrownBy(() -> BASE.withIssuance(d.withLeaseTtl(Duration.ofSeconds(-5))).validate())
                .hasMessage("--lease-seconds must be from 1 to 86400, not -5");
    }

    @Test
    void theConfigurationDumpHidesTheAdminToken() {
        assertThat(BASE.withAdmin(new AdminConfig("127.0.0.1", 1, "very-secret")).toString())
                .doesNotContain("very-secret").contains("token=***");
    }
}

package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ownership settings: off by default with the system resolver, and bad values named at start. */
class OwnershipConfigTest {
    private static final Config BASE = Config.defaults(Path.of("data"));

    @Test
    void defaults() {
        assertThat(BASE.api().ownership()).isEqualTo(new ApiConfig.Ownership(false, null, Duration.ofSeconds(5), 80));
        assertThat(BASE.validate()).isSameAs(BASE);
        assertThat(BASE.withOwnership(new ApiConfig.Ownership(true, "127.0.0.1:5353", Duration.ofMillis(500), 8080))
                .validate().api().ownership().resolver()).isEqualTo("127.0.0.1:5353");
    }

    @Test
    void badValuesAreNamed() {
        refused(new ApiConfig.Ownership(true, "127.0.0.1:dns", Duration.ofSeconds(1), 80), "resolver");
        refused(new ApiConfig.Ownership(true, "127.0.0.1:0", Duration.ofSeconds(1), 80), "resolver");
        refused(new ApiConfig.Ownership(true, null, Duration.ZERO, 80), "--ownership-timeout-ms");
        refused(new ApiConfig.Ownership(true, null, Duration.ofMinutes(2), 80), "--ownership-timeout-ms");
        refused(new ApiConfig.Ownership(true, null, Duration.ofSeconds(1), 0), "--ownership-http-port");
    }

    private static void refused(ApiConfig.Ownership ownership, String named) {
        assertThatThrownBy(() -> BASE.withOwnership(ownership).validate())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }
}

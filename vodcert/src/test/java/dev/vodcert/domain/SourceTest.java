package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.ApiException;
import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void defaultsAndNormalisation() {
        Source s = new Source("ipaddr", "2001:DB8::0:1", null, 443, "050", null);
        assertThat(s).isEqualTo(new Source("ipaddr", "2001:db8::1", "20", 443, "50", "online"));
        assertThat(Source.of("domain", "Origin.Example.com", 80).content()).isEqualTo("origin.example.com");
    }

    @Test
    void enabledIsOnlineOrOffline() {
        assertThat(new Source("oss", "b.example.com", "30", 80, null, "offline").enabled()).isEqualTo("offline");
        assertThatThrownBy(() -> new Source("oss", "b.example.com", "30", 80, null, "paused"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(VodErrors.INVALID_SOURCES_MALFORMED));
    }

    @Test
    void portRange() {
        assertThatThrownBy(() -> Source.of("ipaddr", "1.1.1.1", 0)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(VodErrors.INVALID_SOURCE_PORT_MALFORMED));
        assertThatThrownBy(() -> Source.of("ipaddr", "1.1.1.1", 65536)).isInstanceOf(ApiException.class);
        assertThat(Source.of("ipaddr", "1.1.1.1", 65535).port()).isEqualTo(65535);
    }

    @Test
    void contentLengthIsCheckedBeforeTheHostNameRules() {
        String name = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".com";
        assertThat(name).hasSize(255);
        assertThatThrownBy(() -> Source.of("domain", name, 80)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(VodErrors.INVALID_TYPE_CONTENT_MISMATCH));
        assertThatThrownBy(() -> Source.of("domain", name + "x", 80)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(VodErrors.INVALID_SOURCE_CONTENT_MALFORMED));
    }
}

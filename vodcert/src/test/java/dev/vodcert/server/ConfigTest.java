package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration groups: a printed configuration masks every secret, and a bad value names its flag. */
class ConfigTest {
    private static final Config BASE = Config.defaults(Path.of("data"));

    @Test
    void thePrintedConfigurationMasksEverySecret() {
        Config config = BASE.withDatabase("jdbc:postgresql://127.0.0.1/vod?password=urlSecret1", "vod", "dbSecret22", 4)
                .withMasterKey("masterSecret333").withAccessKey("LTAIfirst", "keySecret4444")
                .withTls(Path.of("api.p12"), "tlsSecret55555")
                .withAdmin(new AdminConfig("127.0.0.1", 9402, "adminSecret666666"));
        String printed = config.toString();
        assertThat(printed).contains("LTAIfirst", "vod", "api.p12", "127.0.0.1:9402")
                .doesNotContain("urlSecret1", "dbSecret22", "masterSecret333", "keySecret4444", "tlsSecret55555",
                        "adminSecret666666");
    }

    @Test
    void eachGroupChangesAloneAndTheRestStays() {
        Config changed = BASE.withPort(0).withNonceStore(NonceStore.DATABASE);
        assertThat(changed.listener().port()).isZero();
        assertThat(changed.api().nonceStore()).isEqualTo(NonceStore.DATABASE);
        assertThat(changed.database()).isEqualTo(BASE.database());
        assertThat(changed.listener().host()).isEqualTo(BASE.listener().host());
        assertThat(changed.api().domainLimit()).isEqualTo(BASE.api().domainLimit());
    }

    @Test
    void badValuesNameTheirFlag() {
        refused(BASE.withPort(70000), "--port");
        refused(BASE.withDatabase(new DatabaseConfig(Path.of("d"), null, null, null, 0)), "--db-pool-size");
        refused(BASE.withApi(BASE.api().withDomainLimit(0)), "--domain-limit");
        refused(BASE.withApi(BASE.api().withCnameSuffix(".w.example.com")), "--cname-suffix");
        refused(BASE.withApi(BASE.api().withNonceStore(null)), "--nonce-store");
        refused(BASE.withTls(Path.of("api.p12"), null), "--tls-keystore");
        refused(BASE.withLimits(BASE.limits().withThrottle("fast")), "--throttle");
        refused(BASE.withAcme(null, "0.0.0.0", -2), "--http01-port");
    }

    private static void refused(Config config, String flag) {
        assertThatThrownBy(config::validate).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(flag);
    }
}

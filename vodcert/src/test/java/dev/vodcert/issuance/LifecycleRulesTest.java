package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small rules of the lifecycle: names a CA refuses, timing steps, renewal time, rate limit settings. */
class LifecycleRulesTest {

    @ParameterizedTest
    @CsvSource({
        "*.example.com, unsupport_wildcard",
        ".example.com, unsupport_wildcard",
        "video.example.test, domain_invalid",
        "cdn.example, domain_invalid",
        "a.b.invalid, domain_invalid",
        "app.localhost, domain_invalid",
        "printer.local, domain_invalid",
        "abc.onion, domain_invalid",
        "x.alt, domain_invalid",
        "svc.internal, domain_invalid",
        "1.0.0.127.in-addr.arpa, domain_invalid",
        "192.0.2.1, domain_invalid",
        "localhost, domain_invalid"})
    void publicCasRefuseTheseNames(String name, String status) {
        assertThat(IssuableName.check(name)).get().extracting(r -> r.status().wire()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "video.example.com", "xn--cy2a840a.vodcert-test.com", "a.co.uk",
        "testing.example.com", "local.example.com"})
    void publicCasConsiderThese(String name) {
        assertThat(IssuableName.check(name)).isEmpty();
    }

    @Test
    void checksAndBackoffAreFrontLoadedAndCapped() {
        assertThat(LifecycleTiming.recheckAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LifecycleTiming.recheckAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LifecycleTiming.recheckAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(LifecycleTiming.recheckAfter(500)).isEqualTo(Duration.ofHours(1));
        assertThat(LifecycleTiming.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LifecycleTiming.backoffAfter(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(LifecycleTiming.backoffAfter(4)).isEqualTo(Duration.ofMinutes(64));
        assertThat(LifecycleTiming.backoffAfter(7)).isEqualTo(Duration.ofDays(1));
        assertThat(LifecycleTiming.backoffAfter(1000)).isEqualTo(Duration.ofDays(1));
        assertThat(LifecycleTiming.HEARTBEAT_SECONDS * 2).isLessThan(LifecycleTiming.LEASE_TTL_SECONDS);
    }

    @Test
    void renewalTimeIsStablePerCertificateAndDiffersPerDomain() {
        Instant nb = Instant.parse("2026-01-01T00:00:00Z");
        Instant na = nb.plus(Duration.ofDays(90));
        Instant a = RenewalSchedule.renewAt("a.example.com", nb, na);
        assertThat(RenewalSchedule.renewAt("a.example.com", nb, na)).isEqualTo(a);
        assertThat(RenewalSchedule.renewAt("b.example.com", nb, na)).isNotEqualTo(a);
        assertThat(a).isBetween(na.minus(Duration.ofDays(30)).minus(Duration.ofDays(9)), na.minus(Duration.ofDays(30)));
        Instant shortLived = nb.plus(Duration.ofMinutes(30));
        assertThat(RenewalSchedule.renewAt("a.example.com", nb, shortLived))
                .isBetween(nb.plus(Duration.ofMinutes(17)), nb.plus(Duration.ofMinutes(20)));
        assertThat(RenewalSchedule.renewAt("a.example.com", na, nb)).as("nonsense validity: renew now").isEqualTo(nb);
    }

    @Test
    void rateLimitsAreLetsEncryptsByDefaultAndConfigurable() {
        assertThat(RateLimits.preset("letsencrypt")).isEqualTo(new RateLimits(300, Duration.ofHours(3), 50,
                Duration.ofDays(7)));
        RateLimits custom = RateLimits.LETS_ENCRYPT.withOrders("100/1h").withDomain("20/2d");
        assertThat(custom).isEqualTo(new RateLimits(100, Duration.ofHours(1), 20, Duration.ofDays(2)));
        assertThat(custom.longestWindow()).isEqualTo(Duration.ofDays(2));
        assertThat(RateLimits.preset("none").ordersPerAccount()).isZero();
        assertThatThrownBy(() -> RateLimits.LETS_ENCRYPT.withOrders("300 per 3h"))
                .hasMessageContaining("--rate-limit-orders must look like 300/3h");
        assertThatThrownBy(() -> RateLimits.LETS_ENCRYPT.withDomain("5/0d")).hasMessageContaining("--rate-limit-domain");
        assertThatThrownBy(() -> RateLimits.preset("zerossl")).hasMessageContaining("letsencrypt or none");
    }
}

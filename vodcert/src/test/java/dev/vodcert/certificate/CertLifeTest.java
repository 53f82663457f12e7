package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertLifeTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0} days -> {1}")
    @CsvSource({
        "7, 1 month",
        "30, 1 month",
        "90, 3 months",
        "180, 6 months",
        "350, 11 months",
        "351, 12 months",
        "357, 12 months",
        "358, 1 year",
        "364, 1 year",
        "365, 1 year",
        "397, 1 year",
        "730, 2 years",
        "1826, 5 years",
    })
    void table(long days, String expected) {
        assertThat(CertLife.of(START, START.plus(Duration.ofDays(days)))).isEqualTo(expected);
    }

    @Test
    void roundsToTheNearestDayFirst() {
        // Let's Encrypt: NotAfter is 90 days less one second after NotBefore
        assertThat(CertLife.of(START, START.plus(Duration.ofDays(90)).minusSeconds(1))).isEqualTo("3 months");
        // 357.5 days round to 358, which reads in years
        assertThat(CertLife.of(START, START.plus(Duration.ofHours(357 * 24 + 12)))).isEqualTo("1 year");
    }

    @Test
    void readsAnyShortOrNegativeLengthAsOneMonth() {
        assertThat(CertLife.of(START, START)).isEqualTo("1 month");
        assertThat(CertLife.of(START, START.minus(Duration.ofDays(3)))).isEqualTo("1 month");
    }
}

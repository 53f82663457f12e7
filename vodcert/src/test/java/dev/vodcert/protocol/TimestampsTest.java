package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire time: the fast path for the common form agrees with the general ISO parser. */
class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "2038-01-19T03:14:08Z",
            "2026-11-28T03:21:43Z", "9999-12-31T23:59:59Z", "2024-02-29T23:59:59.123Z", "2024-02-29T23:59:59.5Z"})
    void acceptsWhatTheIsoParserAccepts(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-32T00:00:00Z",
            "2024-01-01T25:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:0xZ",
            "+024-01-01T00:00:00Z", "2024/01/01T00:00:00Z", "2024-01-01T00:00:00", "Z", ""})
    void refusesWhatTheIsoParserRefuses(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidTimeStamp.Format");
            assertThat(e.httpStatus()).isEqualTo(400);
        });
    }

    @Test
    void formatsWithoutFraction() {
        assertThat(Timestamps.format(Instant.parse("2024-02-29T23:59:59.987Z"))).isEqualTo("2024-02-29T23:59:59Z");
    }

    @Test
    void formatWritesWhatTheWirePatternWrites() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond()));
            assertThat(Timestamps.format(t)).isEqualTo(pattern.format(t));
        }
        for (String edge : new String[] {"0001-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z"}) {
            assertThat(Timestamps.format(Instant.parse(edge))).isEqualTo(pattern.format(Instant.parse(edge)));
        }
    }
}

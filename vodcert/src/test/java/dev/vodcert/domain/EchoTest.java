package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    void stripsControlFormatAndSeparatorCharacters() {
        assertThat(Echo.of("a\u0000b\r\nc\u202Ed\u2028e\u0085f")).isEqualTo("abcdef");
    }

    @Test
    void truncatesTo64CodePoints() {
        assertThat(Echo.of("x".repeat(64))).isEqualTo("x".repeat(64));
        assertThat(Echo.of("x".repeat(65))).isEqualTo("x".repeat(64) + "...");
        assertThat(Echo.of("😀".repeat(70))).isEqualTo("😀".repeat(64) + "...");
    }

    @Test
    void nullIsEmpty() {
        assertThat(Echo.of(null)).isEmpty();
    }
}

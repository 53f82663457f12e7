package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CnameTargetTest {

    @ParameterizedTest
    @CsvSource({
            "example.com, example.com.w.alikunlun.com",
            "WWW.Example.com, www.example.com.w.alikunlun.com",
            "*.example.com, wildcard.example.com.w.alikunlun.com",
            ".example.com, wildcard.example.com.w.alikunlun.com",
            "bücher.example, xn--bcher-kva.example.w.alikunlun.com",
    })
    void targetIsDomainThenSuffix(String domain, String target) {
        assertThat(CnameTarget.of(DomainName.parse(domain), "w.alikunlun.com")).isEqualTo(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".w.alikunlun.com", "w.alikunlun.com."})
    void badSuffixIsAProgrammingError(String suffix) {
        assertThatThrownBy(() -> CnameTarget.of(DomainName.parse("example.com"), suffix))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> CnameTarget.of(null, "w.alikunlun.com")).isInstanceOf(NullPointerException.class);
    }
}

package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeAndStatusTest {

    @ParameterizedTest
    @CsvSource({"domestic, DOMESTIC", "overseas, OVERSEAS", "global, GLOBAL"})
    void scopeParsesWireValues(String raw, Scope expected) {
        assertThat(Scope.parse(raw)).isEqualTo(expected);
        assertThat(expected.wire()).isEqualTo(raw);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void scopeDefaultsToDomestic(String raw) {
        assertThat(Scope.parse(raw)).isEqualTo(Scope.DOMESTIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Domestic", "GLOBAL", " global", "global ", "china", "DOMESTIC"})
    void scopeRefusesOtherSpellings(String raw) {
        assertThatThrownBy(() -> Scope.parse(raw)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(VodErrors.INVALID_SCOPE_MALFORMED);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("domestic, overseas, global");
        });
    }

    @ParameterizedTest
    @EnumSource(DomainStatus.class)
    void statusRoundTrips(DomainStatus status) {
        assertThat(DomainStatus.parse(status.wire())).isEqualTo(status);
    }

    @Test
    void statusWireValues() {
        assertThat(DomainStatus.values()).extracting(DomainStatus::wire).containsExactly(
                "online", "offline", "configuring", "configure_failed", "checking", "check_failed");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Online", "deleting", "ONLINE", "online "})
    void statusRefusesUnknownValues(String raw) {
        assertThatThrownBy(() -> DomainStatus.parse(raw)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(GatewayErrors.INVALID_PARAMETER);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("The specified parameter \"DomainStatus\" is not valid.")
                    .contains("online, offline, configuring, configure_failed, checking, check_failed");
        });
    }
}

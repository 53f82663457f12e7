package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.protocol.ApiException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are the database out of reach (503, try again) and which are ours (500). */
class FailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03", "53300", "57014"})
    void theDatabaseOutOfReachIsServiceUnavailable(String sqlState) {
        ApiException e = Failures.translate(new RuntimeException("wrapped", new SQLException("down", sqlState)));
        assertThat(e.code()).isEqualTo("ServiceUnavailable");
        assertThat(e.httpStatus()).isEqualTo(503);
    }

    @Test
    void aPoolTimeoutIsServiceUnavailable() {
        ApiException e = Failures.translate(new IllegalStateException(new SQLTransientConnectionException("timeout")));
        assertThat(e.httpStatus()).isEqualTo(503);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42P01", "22001"})
    void otherDatabaseErrorsAreInternal(String sqlState) {
        ApiException e = Failures.translate(new RuntimeException(new SQLException("bug", sqlState)));
        assertThat(e.code()).isEqualTo("InternalError");
        assertThat(e.httpStatus()).isEqualTo(500);
    }

    @Test
    void anythingElseIsInternal() {
        assertThat(Failures.translate(new NullPointerException()).httpStatus()).isEqualTo(500);
    }
}

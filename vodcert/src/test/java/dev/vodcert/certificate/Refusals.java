package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.TestPem;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions for refusals: wire code, HTTP status and the reason in the message. */
final class Refusals {
    private Refusals() {
    }

    static ApiException invalidPub(ThrowingCallable call, String... reason) {
        return refused(call, "InvalidSSLPub", 400, reason);
    }

    static ApiException invalidPri(ThrowingCallable call, String... reason) {
        return refused(call, "InvalidSSLPri", 400, reason);
    }

    static ApiException privateKeyError(ThrowingCallable call, String... reason) {
        return refused(call, "PrivateKeyError", 400, reason);
    }

    /** The message holds no 16-character run of the key PEM's base64 body. */
    static void assertNoKeyMaterial(ApiException e, String keyPem) {
        String body = TestPem.body(keyPem);
        assertThat(body).hasSizeGreaterThan(16);
        for (int i = 0; i + 16 <= body.length(); i += 8) {
            assertThat(e.getMessage()).doesNotContain(body.substring(i, i + 16));
        }
    }

    private static ApiException refused(ThrowingCallable call, String code, int status, String... reason) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        ApiException e = (ApiException) thrown;
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.getMessage()).contains(reason);
        return e;
    }
}

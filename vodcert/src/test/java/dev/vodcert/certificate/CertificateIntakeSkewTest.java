package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A certificate a CA has just issued may start a little after this node's clock (the CA's clock
 * runs ahead; Pebble, unlike Let's Encrypt, does not backdate NotBefore): within the allowed skew it
 * is accepted, beyond it, and for uploads, it is "not valid before".
 */
class CertificateIntakeSkewTest {
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);
    private final CertificateIntake intake = new CertificateIntake(new KeyCipher(key()), Clock.fixed(NOW,
            ZoneOffset.UTC), "cn-hangzhou");

    private static byte[] key() {
        byte[] key = new byte[KeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static Issued startingAt(Instant notBefore) {
        return TestCertificates.certificate().dns("skew.example.com").validity(notBefore,
                notBefore.plus(Duration.ofHours(1))).issue();
    }

    private CertificateIntake.Accepted issued(Issued c) {
        return intake.acceptIssued(1, "skew.example.com", "free", null, c.chainPem(), c.keyPemPkcs8(), SKEW);
    }

    @Test
    void aNotBeforeWithinTheSkewIsTheCasClockAndIsAccepted() {
        Issued ahead = startingAt(NOW.plusSeconds(20));
        assertThat(issued(ahead).certificate().notBefore()).isEqualTo(NOW.plusSeconds(20).toEpochMilli());
        assertThat(issued(startingAt(NOW.plus(SKEW))).certDomainName()).isEqualTo("skew.example.com");
    }

    @Test
    void beyondTheSkewOrForAnUploadItIsNotValidYet() {
        Issued later = startingAt(NOW.plus(SKEW).plusSeconds(1));
        ApiException refused = catchThrowableOfType(ApiException.class, () -> issued(later));
        assertThat(refused.code()).isEqualTo("InvalidSSLPub");
        assertThat(refused.getMessage()).contains("not valid before");

        Issued ahead = startingAt(NOW.plusSeconds(20));
        ApiException upload = catchThrowableOfType(ApiException.class, () -> intake.accept(1, "skew.example.com",
                "upload", null, ahead.chainPem(), ahead.keyPemPkcs8()));
        assertThat(upload.code()).isEqualTo("InvalidSSLPub");
        assertThat(upload.getMessage()).contains("not valid before");
    }
}

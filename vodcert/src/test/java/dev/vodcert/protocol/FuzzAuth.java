package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.ReferenceSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the signature fuzz targets share: a fixed clock, two keys, the gateway's refusal codes. */
final class FuzzAuth {
    static final Instant NOW = Instant.parse("2026-11-28T01:58:17Z");
    static final String NOW_TEXT = "2026-11-28T01:58:17Z";
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String KEY_ID = "fuzzid";
    static final String SECRET = "fuzzsecret";
    static final String DISABLED_ID = "offid";
    static final CredentialStore KEYS = id -> switch (id) {
        case KEY_ID -> Optional.of(new Credential(KEY_ID, SECRET, 1, true));
        case DISABLED_ID -> Optional.of(new Credential(DISABLED_ID, SECRET, 1, false));
        default -> Optional.empty();
    };
    /** Every code the reader and the authenticator may refuse a request with. */
    static final Set<String> REFUSALS = Set.of("MissingParameter", "InvalidParameter", "IncompleteSignature",
            "SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive",
            "InvalidTimeStamp.Expired", "InvalidTimeStamp.Format", "SignatureNonceUsed");

    private FuzzAuth() {
    }

    static Authenticator authenticator() {
        return new Authenticator(KEYS, new InMemoryNonceGuard(CLOCK), CLOCK, Duration.ofMinutes(15));
    }

    static void assertRefusal(ApiException e) {
        assertThat(e.code()).isIn(REFUSALS);
        assertThat(e.httpStatus()).isBetween(400, 499);
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&")
                .append(ReferenceSigner.percentEncode(name)).append('=').append(ReferenceSigner.percentEncode(value)));
        return out.toString();
    }
}

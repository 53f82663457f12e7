package dev.vodcert.http;

import dev.vodcert.store.AcmeChallengeStore;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The answers to ACME HTTP-01 validation requests, from the shared challenge store, so that any
 * node (the challenge listener, or the built-in edge's HTTP port) answers for an order another node
 * runs: {@code GET /.well-known/acme-challenge/{token}} gets the token's key authorization; an
 * unknown or expired token, or a token that is not base64url, gets nothing (a 404 to the caller).
 */
public final class Http01Answers {
    /** The path every HTTP-01 request starts with. */
    public static final String PREFIX = "/.well-known/acme-challenge/";
    /** RFC 8555 §8.3: the token is base64url; Let's Encrypt's are 43 characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final AcmeChallengeStore challenges;
    private final Clock clock;

    public Http01Answers(AcmeChallengeStore challenges, Clock clock) {
        this.challenges = challenges;
        this.clock = clock;
    }

    /** The key authorization for {@code token} (the path after {@link #PREFIX}), when one is live. */
    public Optional<String> keyAuthorization(String token) {
        return token != null && TOKEN.matcher(token).matches()
                ? challenges.find(token, clock.millis()) : Optional.empty();
    }
}

package dev.vodcert.protocol;

import java.time.Instant;

/**
 * Remembers {@code SignatureNonce}s so that a signed request cannot be replayed while its timestamp
 * is still inside the window. Implementations shared by several nodes make a nonce used on one node
 * refused on every other.
 */
public interface NonceGuard {
    /**
     * Records the nonce of a verified request.
     *
     * @param keepUntil when the nonce may be forgotten: its request's timestamp can no longer pass
     * @return false when the same AccessKey used the nonce already
     */
    boolean firstUse(String accessKeyId, String nonce, Instant keepUntil);
}

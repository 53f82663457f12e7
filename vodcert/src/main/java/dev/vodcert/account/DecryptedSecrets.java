package dev.vodcert.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vodcert.certificate.KeyCipher;
import java.time.Duration;

/**
 * AccessKey secrets already decrypted, by their stored ciphertext, so that a signed request costs
 * no AES-GCM decryption. Keyed by the ciphertext itself, whose random IV makes it unique to one
 * stored secret: a key given a new secret has a new ciphertext and misses. Whether a key exists and
 * is enabled is never remembered here; the caller reads the row on every request. At most
 * {@value #MAX_ENTRIES} secrets, each forgotten {@value #IDLE_MINUTES} minutes after its last use,
 * so plain secrets do not linger in memory for keys no one uses.
 */
final class DecryptedSecrets {
    static final int MAX_ENTRIES = 10_000;
    static final int IDLE_MINUTES = 10;

    private final KeyCipher cipher;
    private final Cache<String, String> bySecretEnc = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterAccess(Duration.ofMinutes(IDLE_MINUTES))
            .build();

    DecryptedSecrets(KeyCipher cipher) {
        this.cipher = cipher;
    }

    String decrypt(String secretEnc) {
        return bySecretEnc.get(secretEnc, cipher::decrypt);
    }
}

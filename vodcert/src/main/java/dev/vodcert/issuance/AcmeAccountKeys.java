package dev.vodcert.issuance;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.store.AcmeAccountStore;
import java.net.URL;
import java.security.KeyPair;
import java.time.Clock;

/**
 * The ACME account key for a directory: generated once (EC P-256), kept in the database encrypted
 * with {@link KeyCipher} so every node behind the load balancer uses the same account, and cached in
 * memory after the first read. When two nodes create it at once, the first stored wins and both use
 * it. The account's URL is recorded once the CA has named it, for operators.
 */
final class AcmeAccountKeys {
    private final AcmeAccountStore store;
    private final KeyCipher cipher;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(String directory, KeyPair keyPair) {
    }

    AcmeAccountKeys(AcmeAccountStore store, KeyCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @throws IllegalStateException when the stored key cannot be decrypted (another master key) */
    KeyPair keyPair(String directory) {
        Cached known = cached;
        if (known != null && known.directory().equals(directory)) {
            return known.keyPair();
        }
        KeyPair keyPair = store.find(directory).map(row -> read(row.keyPairEnc())).orElseGet(() -> create(directory));
        cached = new Cached(directory, keyPair);
        return keyPair;
    }

    void recordAccountUrl(String directory, URL accountUrl) {
        String url = accountUrl.toString();
        boolean known = store.find(directory).map(row -> url.equals(row.accountUrl())).orElse(false);
        if (!known) {
            store.setAccountUrl(directory, url);
        }
    }

    private KeyPair create(String directory) {
        KeyPair fresh = KeyPairs.ecP256();
        if (store.insert(directory, cipher.encrypt(KeyPairs.keyPairPem(fresh)), clock.millis())) {
            return fresh;
        }
        return read(store.find(directory).orElseThrow().keyPairEnc());
    }

    private KeyPair read(String encrypted) {
        return KeyPairs.readKeyPair(cipher.decrypt(encrypted));
    }
}

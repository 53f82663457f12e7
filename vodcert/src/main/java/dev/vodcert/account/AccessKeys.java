package dev.vodcert.account;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.protocol.Credential;
import dev.vodcert.protocol.CredentialStore;
import dev.vodcert.store.AccessKeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates, finds, disables and deletes AccessKeys. IDs look like Alibaba's ({@code LTAI} and 20
 * letters/digits), secrets are 30 random letters/digits; both may also be given (the first key from
 * {@code VODCERT_ACCESS_KEY_ID}/{@code VODCERT_ACCESS_KEY_SECRET}).
 */
public final class AccessKeys implements CredentialStore {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessKeyStore store;
    private final KeyCipher cipher;
    private final Clock clock;
    private final DecryptedSecrets secrets;

    public AccessKeys(AccessKeyStore store, KeyCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
        this.secrets = new DecryptedSecrets(cipher);
    }

    /**
     * The key as stored now: a key disabled or deleted, on this node or another, is refused on the
     * next request. The store reads its row (one indexed query) unless nothing was written since it
     * last did on a database only this process opens ({@code AccessKeyStore#find}); the decryption
     * of the secret is remembered by its stored ciphertext (see {@link DecryptedSecrets}).
     */
    @Override
    public Optional<Credential> find(String accessKeyId) {
        if (accessKeyId.length() > 64) {
            return Optional.empty();
        }
        return store.find(accessKeyId).map(row ->
                new Credential(row.accessKeyId(), secrets.decrypt(row.secretEnc()), row.accountId(), row.enabled()));
    }

    /** A new random key for the account. */
    public NewAccessKey create(long accountId) {
        return add(accountId, "LTAI" + random(20), random(30));
    }

    /** A key with the given id and secret. */
    public NewAccessKey add(long accountId, String accessKeyId, String secret) {
        store.addKey(row(accountId, accessKeyId, secret));
        return new NewAccessKey(accountId, accessKeyId, secret);
    }

    /** Adds the key unless its id exists already (as when several nodes start together); false then. */
    public boolean addIfAbsent(long accountId, String accessKeyId, String secret) {
        return store.addKeyIfAbsent(row(accountId, accessKeyId, secret));
    }

    private AccessKeyStore.Row row(long accountId, String accessKeyId, String secret) {
        if (!ID.matcher(accessKeyId).matches()) {
            throw new IllegalArgumentException("AccessKeyId must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (secret.isEmpty() || secret.length() > 128) {
            throw new IllegalArgumentException("AccessKeySecret must be 1-128 characters");
        }
        return new AccessKeyStore.Row(accessKeyId, accountId, cipher.encrypt(secret), true, clock.millis());
    }

    /**
     * Whether this node's master key opens the secrets already stored (true when none is stored).
     * Every node on one database must share the master key; a node with another key would refuse
     * every request with a secret it cannot read.
     */
    public boolean storedSecretsReadable() {
        return store.any().map(r -> {
            try {
                cipher.decrypt(r.secretEnc());
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        }).orElse(true);
    }

    /** The account's id, made when it does not exist yet. */
    public long account(String name) {
        return store.accountIdFor(name, clock.millis());
    }

    public boolean setEnabled(String accessKeyId, boolean enabled) {
        return store.setEnabled(accessKeyId, enabled);
    }

    public boolean delete(String accessKeyId) {
        return store.delete(accessKeyId);
    }

    public boolean isEmpty() {
        return store.count() == 0;
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}

package dev.vodcert.certificate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (private-key PEM, AccessKey secrets) with AES-256-GCM under one master
 * key. Stored form: {@code "v1:" + base64(IV || ciphertext || tag)}, a fresh random
 * {@value #IV_BYTES}-byte IV per call, a {@value #TAG_BITS}-bit tag, and the version prefix bound
 * in as associated data. Decryption with the wrong key or of altered text fails with an
 * {@link IllegalStateException} whose message holds neither key nor text. Thread-safe.
 */
public final class KeyCipher {
    /** Master key length in bytes (AES-256). */
    public static final int KEY_BYTES = 32;
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public KeyCipher(byte[] masterKey32) {
        Objects.requireNonNull(masterKey32, "masterKey32");
        if (masterKey32.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be " + KEY_BYTES + " bytes, not "
                    + masterKey32.length);
        }
        this.key = new SecretKeySpec(masterKey32.clone(), "AES");
    }

    /**
     * The master key: {@code VODCERT_MASTER_KEY} when configured (base64 of {@value #KEY_BYTES}
     * bytes), else {@code dataDir/master.key}, created on first use readable by the owner only.
     * See {@link MasterKeyFile}.
     */
    public static byte[] loadOrCreateMasterKey(Path dataDir, String configuredBase64OrNull) {
        return MasterKeyFile.loadOrCreate(dataDir, configuredBase64OrNull);
    }

    /** A new random master key of {@value #KEY_BYTES} bytes. */
    public static byte[] newMasterKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Whether this key opens {@code stored} (it was encrypted under this key and is intact). */
    public boolean opens(String stored) {
        try {
            decrypt(stored);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv).doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalStateException("the stored secret is not in the v1 format");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the stored secret is not valid base64");
        }
        if (blob.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("the stored secret is too short to be a v1 ciphertext");
        }
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(blob, IV_BYTES))
                    .doFinal(blob, IV_BYTES, blob.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the stored secret could not be decrypted: wrong master key, or the text was altered");
        }
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    @Override
    public String toString() {
        return "KeyCipher[AES-256-GCM, key hidden]";
    }
}

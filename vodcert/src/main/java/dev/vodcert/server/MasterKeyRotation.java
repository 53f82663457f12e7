package dev.vodcert.server;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.certificate.MasterKeyFile;
import dev.vodcert.issuance.LocalCa;
import dev.vodcert.store.Database;
import dev.vodcert.store.EncryptedColumns;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * Replacing the master key, and starting safely whatever happened to a replacement. A rotation
 * re-encrypts every stored secret (every {@code *_enc} column, see {@link EncryptedColumns}) from
 * the old key to the new one in a single database transaction. With the key in the data folder,
 * the new key is first written to {@code master.key.new} and moved over {@code master.key} only
 * after the transaction committed (the local CA's key file goes the same way, see
 * {@link LocalCa#writeRotated}); a start that finds {@code master.key.new} keeps whichever key
 * opens the stored secrets ({@link #recover}). With the key in {@code VODCERT_MASTER_KEY}, the new
 * key comes from {@code VODCERT_NEW_MASTER_KEY} and the operator moves it into place. The service
 * must be stopped meanwhile (on PostgreSQL: every node).
 */
public final class MasterKeyRotation {
    public static final String NEW_KEY_SETTING = "VODCERT_NEW_MASTER_KEY";

    private MasterKeyRotation() {
    }

    /** What a rotation did: how many secrets it re-encrypted, and whether the operator must now set the new key. */
    public record Result(int secrets, boolean keyInEnvironment) {
    }

    /**
     * Rotates the master key of the data folder or of {@code VODCERT_MASTER_KEY}.
     *
     * @param configuredKey the configured key ({@code VODCERT_MASTER_KEY}) or null for {@code master.key}
     * @param configuredNewKey the new key ({@code VODCERT_NEW_MASTER_KEY}); required with a configured
     *     key, otherwise null for a random one
     */
    public static Result rotate(Config config, Database database, String configuredKey, String configuredNewKey)
            throws SQLException, IOException {
        Path dataDir = config.dataDir();
        recover(dataDir, configuredKey, database);
        KeyCipher old = new KeyCipher(KeyCipher.loadOrCreateMasterKey(dataDir, configuredKey));
        check(old, database);
        boolean inEnvironment = configuredKey != null;
        if (inEnvironment && configuredNewKey == null) {
            throw new IllegalArgumentException("VODCERT_MASTER_KEY is set: give the new key in " + NEW_KEY_SETTING
                    + " (base64 of 32 bytes, e.g. openssl rand -base64 32)");
        }
        byte[] next = configuredNewKey != null ? decode(configuredNewKey) : KeyCipher.newMasterKey();
        if (!inEnvironment) {
            MasterKeyFile.writePending(dataDir, next);
        }
        KeyCipher fresh = new KeyCipher(next);
        Path localCa = LocalCa.folder(dataDir);
        LocalCa.writeRotated(localCa, old, fresh);
        int count = EncryptedColumns.rewrite(database.jdbi(), stored -> fresh.encrypt(old.decrypt(stored)));
        LocalCa.promoteRotated(localCa);
        if (!inEnvironment) {
            MasterKeyFile.promotePending(dataDir);
        }
        return new Result(count, inEnvironment);
    }

    /**
     * Finishes or undoes a rotation that a crash interrupted: keeps {@code master.key.new} when it
     * opens the stored secrets (the transaction committed), drops it when the current key does.
     */
    public static void recover(Path dataDir, String configuredKey, Database database) throws SQLException {
        byte[] pending = configuredKey == null ? MasterKeyFile.readPending(dataDir) : null;
        if (pending == null) {
            return;
        }
        Optional<String> sample = EncryptedColumns.anyValue(database);
        if (sample.isEmpty() || new KeyCipher(pending).opens(sample.get())) {
            MasterKeyFile.promotePending(dataDir);
        } else {
            MasterKeyFile.discardPending(dataDir);
        }
    }

    /** Refuses a master key that does not open what is stored (a wrong key would fail every request later). */
    public static void check(KeyCipher cipher, Database database) throws SQLException {
        Optional<String> sample = EncryptedColumns.anyValue(database);
        if (sample.isPresent() && !cipher.opens(sample.get())) {
            throw new IllegalStateException("The master key does not open the secrets stored in the database;"
                    + " start with the key they were stored under (master.key in the data folder, or "
                    + "VODCERT_MASTER_KEY; every node on one database needs the same key)");
        }
    }

    private static byte[] decode(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length == KeyCipher.KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below, without the value
        }
        throw new IllegalArgumentException(NEW_KEY_SETTING + " must be the base64 encoding of exactly "
                + KeyCipher.KEY_BYTES + " bytes");
    }
}

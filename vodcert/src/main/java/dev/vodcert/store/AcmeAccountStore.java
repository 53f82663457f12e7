package dev.vodcert.store;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code acme_account} table: one ACME account key per directory URL, stored as
 * {@code KeyCipher} encrypted it (this class never sees it plain), and the account's URL once known.
 */
public final class AcmeAccountStore {
    /** One stored account; {@code accountUrl} is null until the CA has answered a registration. */
    public record Row(String directory, String keyPairEnc, String accountUrl) {
        @Override
        public String toString() {
            return "AcmeAccount[" + directory + ", " + accountUrl + "]";
        }
    }

    private final Jdbi jdbi;

    public AcmeAccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Row> find(String directory) {
        return jdbi.withHandle(h -> h.createQuery("SELECT directory, key_pair_enc, account_url FROM acme_account "
                        + "WHERE directory = :directory")
                .bind("directory", directory)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).findOne());
    }

    /** @return false when another node stored a key for this directory first (read that one back) */
    public boolean insert(String directory, String keyPairEnc, long now) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO acme_account (directory, key_pair_enc, created_at) "
                            + "VALUES (:directory, :key, :now)")
                    .bind("directory", directory).bind("key", keyPairEnc).bind("now", now).execute());
            return true;
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                return false;
            }
            throw e;
        }
    }

    public void setAccountUrl(String directory, String accountUrl) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE acme_account SET account_url = :url WHERE directory = :directory")
                .bind("url", accountUrl).bind("directory", directory).execute());
    }
}

package dev.vodcert.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Accounts and their AccessKeys. Secrets arrive and leave encrypted; this class never sees them plain.
 * What the start runs before the API opens ({@link #count}, {@link #any}, {@link #accountIdFor},
 * {@link #addKey}) and the per-request {@link #find} are plain JDBC ({@link PlainQuery}); the
 * service's store takes its Jdbi only when another method first needs it.
 */
public final class AccessKeyStore {
    /** One stored AccessKey; {@code secretEnc} is the secret as {@code KeyCipher} encrypted it. */
    public record Row(String accessKeyId, long accountId, String secretEnc, boolean enabled, long createdAt) {
        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + ", account " + accountId + "]";
        }
    }

    private final Supplier<Jdbi> jdbi;
    private final PlainQuery plain;
    private final RememberedReads<String, Optional<Row>> keys;

    /** The service's store: {@link #find} on the pool without a handle, remembered between writes on H2. */
    public AccessKeyStore(Database database) {
        this.jdbi = database.lazyJdbi();
        this.plain = database.plainQuery();
        this.keys = database.rememberedReads();
    }

    /** A store over a bare Jdbi (tools, tests): every find reads. */
    public AccessKeyStore(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
        this.plain = PlainQuery.through(jdbi);
        this.keys = RememberedReads.none();
    }

    public long createAccount(String name, long now) {
        return plain.insertReturningKey("INSERT INTO account (name, created_at) VALUES (?, ?)", "id", statement -> {
            statement.setString(1, name);
            statement.setLong(2, now);
        });
    }

    /** The account's id, made when absent; two nodes making it at once agree on one row. */
    public long accountIdFor(String name, long now) {
        Optional<Long> existing = accountByName(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return createAccount(name, now);
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                return accountByName(name).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    public Optional<Long> accountByName(String name) {
        return plain.findOne("SELECT id FROM account WHERE name = ?", statement -> statement.setString(1, name),
                rs -> rs.getLong(1));
    }

    /** Adds the key unless one with its id exists; false when it existed (another node may have added it). */
    public boolean addKeyIfAbsent(Row row) {
        try {
            addKey(row);
            return true;
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                return false;
            }
            throw e;
        }
    }

    public void addKey(Row row) {
        plain.update("INSERT INTO access_key (access_key_id, account_id, secret_enc, enabled, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, row.accessKeyId());
                    statement.setLong(2, row.accountId());
                    statement.setString(3, row.secretEnc());
                    statement.setBoolean(4, row.enabled());
                    statement.setLong(5, row.createdAt());
                });
    }

    /**
     * Runs on every signed request: plain JDBC (see {@link PlainQuery}), the answer remembered until
     * the next write where the database allows it ({@link RememberedReads}): a key disabled, deleted
     * or replaced is still refused on the next request.
     */
    public Optional<Row> find(String accessKeyId) {
        return keys.get(accessKeyId, () -> read(accessKeyId));
    }

    private Optional<Row> read(String accessKeyId) {
        return plain.findOne("SELECT access_key_id, account_id, secret_enc, enabled, created_at "
                        + "FROM access_key WHERE access_key_id = ?",
                statement -> statement.setString(1, accessKeyId),
                rs -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5)));
    }

    public List<Row> list() {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT access_key_id, account_id, secret_enc, enabled, "
                        + "created_at FROM access_key ORDER BY account_id, access_key_id")
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                        rs.getLong(5)))
                .list());
    }

    public boolean setEnabled(String accessKeyId, boolean enabled) {
        return jdbi.get().withHandle(h -> h.createUpdate("UPDATE access_key SET enabled = :enabled "
                        + "WHERE access_key_id = :id")
                .bind("enabled", enabled).bind("id", accessKeyId).execute()) == 1;
    }

    public boolean delete(String accessKeyId) {
        return jdbi.get().withHandle(h -> h.createUpdate("DELETE FROM access_key WHERE access_key_id = :id")
                .bind("id", accessKeyId).execute()) == 1;
    }

    /** Any one stored key, to check that this node's master key decrypts what is stored. */
    public Optional<Row> any() {
        return plain.findOne("SELECT access_key_id, account_id, secret_enc, enabled, created_at "
                        + "FROM access_key ORDER BY access_key_id FETCH FIRST 1 ROWS ONLY", statement -> { },
                rs -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5)));
    }

    public long count() {
        return plain.findOne("SELECT COUNT(*) FROM access_key", statement -> { }, rs -> rs.getLong(1)).orElseThrow();
    }
}

package dev.vodcert.store;

import dev.vodcert.protocol.NonceGuard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link NonceGuard} in the {@code signature_nonce} table, so that every node on one database
 * refuses a nonce any of them has seen. First use is an insert that the primary key lets through
 * once; a row whose expiry has passed may be taken again. {@link #sweep()} deletes at most
 * {@value #SWEEP_BATCH} expired rows per call, oldest first, so a sweep never holds the table long.
 */
public final class DatabaseNonceGuard implements NonceGuard {
    /** The most rows one {@link #sweep()} deletes. */
    public static final int SWEEP_BATCH = 1_000;
    /** The most batches one {@link #sweepExpired()} deletes. */
    public static final int SWEEP_BATCHES_PER_PASS = 100;

    private final Supplier<Jdbi> jdbi;
    private final Clock clock;

    /** The service's: its Jdbi is made when first needed ({@link Database#jdbi()}), not when this is. */
    public DatabaseNonceGuard(Database database, Clock clock) {
        this.jdbi = database.lazyJdbi();
        this.clock = clock;
    }

    public DatabaseNonceGuard(Jdbi jdbi, Clock clock) {
        this.jdbi = () -> jdbi;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String accessKeyId, String nonce, Instant keepUntil) {
        String digest = sha256(nonce);
        long until = keepUntil.toEpochMilli();
        try {
            jdbi().useHandle(h -> h.createUpdate("INSERT INTO signature_nonce (access_key_id, nonce_sha256, "
                            + "expires_at) VALUES (:key, :nonce, :until)")
                    .bind("key", accessKeyId).bind("nonce", digest).bind("until", until).execute());
            return true;
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
        }
        return jdbi().withHandle(h -> h.createUpdate("UPDATE signature_nonce SET expires_at = :until "
                        + "WHERE access_key_id = :key AND nonce_sha256 = :nonce AND expires_at < :now")
                .bind("until", until).bind("key", accessKeyId).bind("nonce", digest).bind("now", clock.millis())
                .execute()) == 1;
    }

    /**
     * Deletes up to {@value #SWEEP_BATCH} nonces whose time has passed.
     *
     * @return how many were deleted; {@value #SWEEP_BATCH} means more may be left
     */
    public int sweep() {
        return jdbi().withHandle(h -> h.createUpdate("DELETE FROM signature_nonce WHERE (access_key_id, "
                        + "nonce_sha256) IN (SELECT access_key_id, nonce_sha256 FROM signature_nonce "
                        + "WHERE expires_at < :now ORDER BY expires_at FETCH FIRST " + SWEEP_BATCH + " ROWS ONLY)")
                .bind("now", clock.millis()).execute());
    }

    /**
     * Sweeps batch after batch until none is left or {@value #SWEEP_BATCHES_PER_PASS} batches ran.
     *
     * @return how many were deleted
     */
    public int sweepExpired() {
        int total = 0;
        for (int i = 0; i < SWEEP_BATCHES_PER_PASS; i++) {
            int deleted = sweep();
            total += deleted;
            if (deleted < SWEEP_BATCH) {
                break;
            }
        }
        return total;
    }

    /** How many nonces are remembered, expired or not. */
    public long size() {
        return jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM signature_nonce").mapTo(Long.class).one());
    }

    private static String sha256(String nonce) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

package dev.vodcert.store;

import java.util.Collection;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code acme_challenge} table: HTTP-01 answers (token to key authorization) written by the node
 * running an ACME order and read by every node's challenge listener, so whichever node the CA's
 * request reaches can answer. An answer is served only until it expires.
 */
public final class AcmeChallengeStore {
    private final Jdbi jdbi;

    public AcmeChallengeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Publishes (or replaces) the answer for a token until {@code expiresAt} (epoch ms). */
    public void put(String token, String keyAuthorization, String domainName, long now, long expiresAt) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM acme_challenge WHERE token = :token").bind("token", token).execute();
            h.createUpdate("INSERT INTO acme_challenge (token, key_authorization, domain_name, created_at, expires_at) "
                            + "VALUES (:token, :auth, :domain, :now, :expires)")
                    .bind("token", token).bind("auth", keyAuthorization).bind("domain", domainName)
                    .bind("now", now).bind("expires", expiresAt).execute();
        });
    }

    /** The key authorization for a token that has not expired at {@code now} (epoch ms). */
    public Optional<String> find(String token, long now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT key_authorization FROM acme_challenge "
                        + "WHERE token = :token AND expires_at > :now")
                .bind("token", token).bind("now", now).mapTo(String.class).findOne());
    }

    public void delete(Collection<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM acme_challenge WHERE token IN (<tokens>)")
                .bindList("tokens", tokens).execute());
    }

    /** Removes answers left behind by orders that never finished (a crash); returns how many. */
    public int deleteExpired(long now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM acme_challenge WHERE expires_at <= :now")
                .bind("now", now).execute());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM acme_challenge").mapTo(Long.class).one());
    }
}

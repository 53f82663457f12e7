package dev.vodcert.store;

import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code domain_ownership} table: per account and root domain, the verification content the
 * account is to publish (made once, then stable) and whether a check has passed.
 */
public final class OwnershipStore {
    /** One row: the content, and when and how it was verified (null while not verified). */
    public record Ownership(String content, String verifyType, Long verifiedAt) {
        public boolean verified() {
            return verifiedAt != null;
        }
    }

    private final Supplier<Jdbi> jdbi;

    /** The service's: its Jdbi is made when first needed ({@link Database#jdbi()}), not when this is. */
    public OwnershipStore(Database database) {
        this.jdbi = database.lazyJdbi();
    }

    public OwnershipStore(Jdbi jdbi) {
        this.jdbi = () -> jdbi;
    }

    public Optional<Ownership> find(long accountId, String rootDomain) {
        return jdbi().withHandle(h -> h.createQuery("SELECT content, verify_type, verified_at FROM domain_ownership "
                        + "WHERE account_id = :account AND root_domain = :root")
                .bind("account", accountId).bind("root", rootDomain)
                .map((rs, ctx) -> new Ownership(rs.getString("content"), rs.getString("verify_type"),
                        rs.getObject("verified_at") == null ? null : rs.getLong("verified_at")))
                .findOne());
    }

    /** The stored row, created with {@code freshContent} when there is none (the first writer wins). */
    public Ownership findOrCreate(long accountId, String rootDomain, Supplier<String> freshContent, long now) {
        Optional<Ownership> existing = find(accountId, rootDomain);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbi().useHandle(h -> h.createUpdate("INSERT INTO domain_ownership (account_id, root_domain, content, "
                            + "created_at) VALUES (:account, :root, :content, :now)")
                    .bind("account", accountId).bind("root", rootDomain).bind("content", freshContent.get())
                    .bind("now", now).execute());
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
        }
        return find(accountId, rootDomain).orElseThrow();
    }

    public void markVerified(long accountId, String rootDomain, String verifyType, long now) {
        jdbi().useHandle(h -> h.createUpdate("UPDATE domain_ownership SET verify_type = :type, verified_at = :now "
                        + "WHERE account_id = :account AND root_domain = :root")
                .bind("type", verifyType).bind("now", now).bind("account", accountId).bind("root", rootDomain)
                .execute());
    }

    private Jdbi jdbi() {
        return jdbi.get();
    }
}

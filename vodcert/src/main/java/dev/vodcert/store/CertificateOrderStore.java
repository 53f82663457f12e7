package dev.vodcert.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code certificate_order} table: every order placed with the CA, or reserved for a later
 * time, with the registered domain it was for. {@link #locked} runs a decision under the one lock
 * row, so that two nodes never both take the last slot of a window.
 */
public final class CertificateOrderStore {

    /** The orders, seen from inside the lock. A null registered domain means every order. */
    public interface Orders {
        /** The time of the {@code n}-th most recent order ({@code n >= 1}), if there are that many. */
        Optional<Long> nthLatest(int n, String registeredDomain, boolean newCertificatesOnly);

        /** How many orders fall in {@code (from, to]}. */
        int count(long from, long to, String registeredDomain, boolean newCertificatesOnly);

        void add(long domainId, String registeredDomain, boolean newCertificate, long at);

        /** Removes the order (or reservation) of {@code domainId} at {@code at}, if there is one. */
        void remove(long domainId, long at);
    }

    private final Jdbi jdbi;

    public CertificateOrderStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T locked(Function<Orders, T> decision) {
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM certificate_order_lock WHERE id = 1 FOR UPDATE").mapTo(Integer.class).one();
            return decision.apply(new HandleOrders(h));
        });
    }

    /** Deletes orders older than {@code before}; returns how many. */
    public int sweep(long before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM certificate_order WHERE ordered_at < :before")
                .bind("before", before).execute());
    }

    /** Every order time from {@code since} on, oldest first (operators and tests). */
    public List<Long> times(long since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT ordered_at FROM certificate_order WHERE ordered_at >= :since "
                + "ORDER BY ordered_at").bind("since", since).mapTo(Long.class).list());
    }

    private record HandleOrders(Handle h) implements Orders {
        @Override
        public Optional<Long> nthLatest(int n, String registeredDomain, boolean newCertificatesOnly) {
            String where = (registeredDomain == null ? "1 = 1" : "registered_domain = :rd")
                    + (newCertificatesOnly ? " AND new_certificate = TRUE" : "");
            var query = h.createQuery("SELECT ordered_at FROM certificate_order WHERE " + where
                    + " ORDER BY ordered_at DESC LIMIT 1 OFFSET :skip").bind("skip", n - 1);
            if (registeredDomain != null) {
                query.bind("rd", registeredDomain);
            }
            return query.mapTo(Long.class).findOne();
        }

        @Override
        public int count(long from, long to, String registeredDomain, boolean newCertificatesOnly) {
            String where = "ordered_at > :from AND ordered_at <= :to"
                    + (registeredDomain == null ? "" : " AND registered_domain = :rd")
                    + (newCertificatesOnly ? " AND new_certificate = TRUE" : "");
            var query = h.createQuery("SELECT COUNT(*) FROM certificate_order WHERE " + where)
                    .bind("from", from).bind("to", to);
            if (registeredDomain != null) {
                query.bind("rd", registeredDomain);
            }
            return query.mapTo(Integer.class).one();
        }

        @Override
        public void remove(long domainId, long at) {
            h.createUpdate("DELETE FROM certificate_order WHERE domain_id = :domain AND ordered_at = :at")
                    .bind("domain", domainId).bind("at", at).execute();
        }

        @Override
        public void add(long domainId, String registeredDomain, boolean newCertificate, long at) {
            h.createUpdate("INSERT INTO certificate_order (domain_id, registered_domain, new_certificate, ordered_at) "
                            + "VALUES (:domain, :rd, :fresh, :at)")
                    .bind("domain", domainId).bind("rd", registeredDomain).bind("fresh", newCertificate)
                    .bind("at", at).execute();
        }
    }
}

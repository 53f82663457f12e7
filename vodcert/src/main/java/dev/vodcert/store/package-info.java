/**
 * Persistence: the connection pool, Flyway migrations (one SQL set for H2 and PostgreSQL) and Jdbi
 * repositories, one per table. Rows become the owning room's records here; no rules live here, and
 * nothing here knows HTTP. Every list query pages by an indexed key. Protocol pieces that keep state
 * shared by several nodes (the database {@code NonceGuard}) are implemented here, so that
 * {@code protocol/} holds no SQL.
 */
package dev.vodcert.store;

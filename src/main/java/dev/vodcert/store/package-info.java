/**
 * Persistence: the connection pool, Flyway migrations (one SQL set for H2 and PostgreSQL) and Jdbi
 * repositories, one per table. Rows become the owning room's records here; no rules live here, and
 * nothing here knows HTTP. Every list query pages by an indexed key.
 */
package dev.vodcert.store;

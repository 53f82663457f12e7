package dev.vodcert.store;

import dev.vodcert.testing.EmbeddedPostgresServer;

/** {@link NonceGuardContract} on a real PostgreSQL (embedded). */
class PostgresNonceGuardTest extends NonceGuardContract {
    @Override
    Database openFresh() {
        return Database.open(EmbeddedPostgresServer.shared().newDatabase(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD, 8);
    }
}

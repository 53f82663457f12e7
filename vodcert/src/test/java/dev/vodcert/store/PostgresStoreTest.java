package dev.vodcert.store;

import dev.vodcert.testing.EmbeddedPostgresServer;

/** {@link StoreContract} on a real PostgreSQL (embedded), a new database per test. */
class PostgresStoreTest extends StoreContract {
    @Override
    String newUrl() {
        return EmbeddedPostgresServer.shared().newDatabase();
    }

    @Override
    String user() {
        return EmbeddedPostgresServer.USER;
    }

    @Override
    String password() {
        return EmbeddedPostgresServer.PASSWORD;
    }

    @Override
    boolean expectShared() {
        return true;
    }
}

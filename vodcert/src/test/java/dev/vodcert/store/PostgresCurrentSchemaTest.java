package dev.vodcert.store;

import dev.vodcert.testing.EmbeddedPostgresServer;

/** {@link CurrentSchemaContract} on a real PostgreSQL (embedded), a new database each time. */
class PostgresCurrentSchemaTest extends CurrentSchemaContract {
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
}

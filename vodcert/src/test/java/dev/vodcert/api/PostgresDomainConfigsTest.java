package dev.vodcert.api;

import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.TestServer;

/** {@link DomainConfigsTest}, every test of it, on a node whose store is PostgreSQL (the same V9 migration). */
class PostgresDomainConfigsTest extends DomainConfigsTest {
    @Override
    TestServer newServer() {
        return TestServer.onPostgres(EmbeddedPostgresServer.shared().newDatabase());
    }
}

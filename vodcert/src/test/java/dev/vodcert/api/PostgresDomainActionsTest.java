package dev.vodcert.api;

import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.TestServer;

/** {@link DomainActionsTest}, every test of it, on a node whose store is PostgreSQL. */
class PostgresDomainActionsTest extends DomainActionsTest {
    @Override
    TestServer newServer() {
        return TestServer.onPostgres(EmbeddedPostgresServer.shared().newDatabase());
    }
}

package dev.vodcert.api;

import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.TestServer;

/** {@link CertificateUploadTest}, every test of it, on a node whose store is PostgreSQL. */
class PostgresCertificateUploadTest extends CertificateUploadTest {
    @Override
    TestServer newServer() {
        return TestServer.onPostgres(EmbeddedPostgresServer.shared().newDatabase());
    }
}

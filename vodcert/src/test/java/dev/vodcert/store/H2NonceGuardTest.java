package dev.vodcert.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link NonceGuardContract} on the embedded H2 database. */
class H2NonceGuardTest extends NonceGuardContract {
    @TempDir
    Path dir;

    @Override
    Database openFresh() {
        return Database.open(Database.h2Url(dir), null, null, 8);
    }
}

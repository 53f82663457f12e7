package dev.vodcert.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoreContract} on the embedded H2 database, a new file per test. */
class H2StoreTest extends StoreContract {
    @TempDir
    Path dir;
    private int opened;

    @Override
    String newUrl() {
        return Database.h2Url(dir.resolve("db" + (++opened)));
    }

    @Override
    String user() {
        return null;
    }

    @Override
    String password() {
        return null;
    }

    @Override
    boolean expectShared() {
        return false;
    }
}

package dev.vodcert.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link CurrentSchemaContract} on the embedded H2 database, a new file per database. */
class H2CurrentSchemaTest extends CurrentSchemaContract {
    @TempDir
    Path dir;
    private int made;

    @Override
    String newUrl() {
        return Database.h2Url(dir.resolve("db" + (++made)));
    }

    @Override
    String user() {
        return null;
    }

    @Override
    String password() {
        return null;
    }
}

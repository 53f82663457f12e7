package dev.vodcert.testing;

import dev.vodcert.store.Database;
import java.util.UUID;

/** A fresh, migrated in-memory H2 database per call, for tests of one component. */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static Database h2() {
        return Database.open("jdbc:h2:mem:vodcert-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null, 4);
    }
}

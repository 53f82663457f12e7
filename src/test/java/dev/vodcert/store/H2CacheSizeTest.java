package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2CacheSizeTest {
    private static final long MIB = 1L << 20;

    @Test
    void aQuarterOfTheHeapBetween16MibAnd1Gib() {
        assertThat(H2CacheSize.kib(512 * MIB)).isEqualTo(128 * 1024);
        assertThat(H2CacheSize.kib(2048 * MIB)).isEqualTo(512 * 1024);
        assertThat(H2CacheSize.kib(32 * MIB)).as("never below H2's own default").isEqualTo(16 * 1024);
        assertThat(H2CacheSize.kib(6144 * MIB)).as("at most 1 GiB").isEqualTo(1024 * 1024);
        assertThat(H2CacheSize.kib(Long.MAX_VALUE)).as("no heap limit").isEqualTo(1024 * 1024);
    }

    @Test
    void theEmbeddedDatabaseOpensWithThatCache(@TempDir Path dir) {
        try (Database db = Database.open(Database.h2Url(dir), null, null, 1)) {
            long cacheMib = db.jdbi().withHandle(h -> h.createQuery("SELECT SETTING_VALUE FROM "
                    + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'").mapTo(Long.class).one());
            assertThat(cacheMib).isEqualTo(H2CacheSize.kib() / 1024);
            assertThat(cacheMib).as("this JVM's heap is above 64 MiB, so more than H2's default").isGreaterThan(16);
        }
    }
}

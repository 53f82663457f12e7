package dev.vodcert.api;

import dev.vodcert.testing.PebbleServer;
import dev.vodcert.testing.PebbleVodcert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One real Pebble (with challtestsrv) per test class, and a fresh vodcert on the ACME issuer for
 * each test ({@link PebbleVodcert}); tests use distinct domain names so they do not interfere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PebbleApiTestBase {
    PebbleServer pebble;
    PebbleVodcert s;

    /** The Pebble this class runs against; override for options such as a short certificate validity. */
    PebbleServer.Builder pebbleBuilder() {
        return PebbleServer.builder(PebbleServer.freePort());
    }

    @BeforeAll
    void startPebble() {
        pebble = pebbleBuilder().start();
    }

    @AfterAll
    void stopPebble() {
        pebble.close();
    }

    @BeforeEach
    void startVodcert() {
        s = new PebbleVodcert(pebble);
    }

    @AfterEach
    void stopVodcert() {
        s.close();
    }
}

package dev.vodcert.issuance;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.server.ChallengeListener;
import dev.vodcert.store.AcmeAccountStore;
import dev.vodcert.store.AcmeChallengeStore;
import dev.vodcert.store.Database;
import dev.vodcert.testing.AcmeRequests;
import dev.vodcert.testing.PebbleServer;
import dev.vodcert.testing.TestDatabases;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * What a test of the ACME issuer needs around it: a database, the challenge listener on a free port
 * of 127.0.0.1, and a Pebble validating against that port. Closed in reverse order.
 */
final class AcmeIssuerSupport implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger();

    final Database db = TestDatabases.h2();
    final AcmeChallengeStore challenges = new AcmeChallengeStore(db.jdbi());
    final AcmeAccountStore accounts = new AcmeAccountStore(db.jdbi());
    final KeyCipher cipher = new KeyCipher(randomKey());
    final AcmeRequests requests = new AcmeRequests();
    final ChallengeListener listener = new ChallengeListener("127.0.0.1", 0, challenges, Clock.systemUTC());
    final PebbleServer pebble;

    /** Pebble with its defaults. */
    AcmeIssuerSupport() {
        this(UnaryOperator.identity());
    }

    /** Pebble with these options, validating against this support's listener. */
    AcmeIssuerSupport(UnaryOperator<PebbleServer.Builder> options) {
        this.pebble = options.apply(PebbleServer.builder(listener.port())).start();
    }

    AcmeIssuer issuer(AcmeSettings settings) {
        return new AcmeIssuer(settings, accounts, challenges, cipher, Clock.systemUTC(), requests);
    }

    static String domain(String prefix) {
        return prefix + NEXT.incrementAndGet() + ".vodcert-acme.com";
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public void close() {
        pebble.close();
        listener.close();
        db.close();
    }
}

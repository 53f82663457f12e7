package dev.vodcert.server;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.issuance.AcmeIssuer;
import dev.vodcert.issuance.AcmeRequestListener;
import dev.vodcert.store.AcmeAccountStore;
import dev.vodcert.store.AcmeChallengeStore;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The ACME issuer and the HTTP-01 listener that answers for it, built only when an ACME directory
 * is configured (so emulator users never bind port 80). The listener runs on every node, since the
 * CA's validation request may reach any of them; {@code --http01-port 0} leaves it to other nodes.
 */
final class AcmeWiring implements AutoCloseable {
    private final AcmeIssuer issuer;
    private final ChallengeListener listener;

    private AcmeWiring(AcmeIssuer issuer, ChallengeListener listener) {
        this.issuer = issuer;
        this.listener = listener;
    }

    /** @return null when no ACME directory is configured */
    static AcmeWiring start(AcmeConfig config, Jdbi jdbi, KeyCipher cipher, Clock clock, AcmeRequestListener requests) {
        if (config.settings() == null) {
            return null;
        }
        AcmeChallengeStore challenges = new AcmeChallengeStore(jdbi);
        AcmeIssuer issuer = new AcmeIssuer(config.settings(), new AcmeAccountStore(jdbi), challenges, cipher, clock,
                requests);
        ChallengeListener listener = config.http01Port() == 0 ? null
                : new ChallengeListener(config.http01Host(), config.http01Port(), challenges, clock);
        return new AcmeWiring(issuer, listener);
    }

    AcmeIssuer issuer() {
        return issuer;
    }

    /** The listener's port, or 0 when it is disabled. */
    int http01Port() {
        return listener == null ? 0 : listener.port();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }
}

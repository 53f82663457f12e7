package dev.vodcert.edge;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.domain.DomainConfigs;
import dev.vodcert.store.DomainConfigStore;
import dev.vodcert.http.Http01Answers;
import dev.vodcert.store.AcmeChallengeStore;
import dev.vodcert.store.Database;
import dev.vodcert.store.ServedDomainRows;
import java.time.Clock;

/** Starts an edge on a database: the service's own (with {@code serve}) or the one an edge-only node opens. */
public final class EdgeWiring {
    private EdgeWiring() {
    }

    /** @param cipher the master key's cipher: the edge decrypts the served keys with it, in memory */
    public static EdgeServer start(EdgeConfig config, Database database, KeyCipher cipher, Clock clock) {
        // the edge only reads policies: DomainConfigs needs no DomainService for that
        DomainConfigs configs = new DomainConfigs(new DomainConfigStore(database), null, clock);
        return start(config, database, cipher, clock, configs::httpsPolicy);
    }

    /** @param policies where the domains' HTTPS policies come from (tests may give {@link EdgePolicies#DEFAULTS}) */
    public static EdgeServer start(EdgeConfig config, Database database, KeyCipher cipher, Clock clock,
                                   EdgePolicies policies) {
        ServedCertificates served = new ServedCertificates(new ServedDomainRows(database), cipher);
        Http01Answers challenges = new Http01Answers(new AcmeChallengeStore(database.jdbi()), clock);
        return EdgeServer.start(config, served, challenges, policies);
    }
}

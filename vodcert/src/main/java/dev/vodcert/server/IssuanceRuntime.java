package dev.vodcert.server;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.console.Console;
import dev.vodcert.edge.ServedCertificates;
import dev.vodcert.emulation.Emulation;
import dev.vodcert.emulation.EmulationRoutes;
import dev.vodcert.feed.FeedSource;
import dev.vodcert.issuance.CnameCheck;
import dev.vodcert.issuance.DnsCnameCheck;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.issuance.FreeCertificatesService;
import dev.vodcert.issuance.IssueStep;
import dev.vodcert.issuance.Issuer;
import dev.vodcert.issuance.Issuers;
import dev.vodcert.issuance.Lifecycle;
import dev.vodcert.issuance.RateLimiter;
import dev.vodcert.store.CertificateCounts;
import dev.vodcert.store.CertificateOrderStore;
import dev.vodcert.store.Database;
import dev.vodcert.store.FreeCertificateStore;
import dev.vodcert.store.ServedDomainRows;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The free-certificate side of a running node, wired from configuration: the issuer, the CNAME
 * check, the rate limiter, the {@link Lifecycle} and its thread, the {@link FreeCertificates}
 * service the actions call, the Prometheus registry and the operators' {@link AdminServer}.
 */
final class IssuanceRuntime implements AutoCloseable {
    private final FreeCertificatesService service;
    private final Lifecycle lifecycle;
    private final LifecycleThread thread;
    private final AdminServer admin;

    private IssuanceRuntime(FreeCertificatesService service, Lifecycle lifecycle, LifecycleThread thread,
                            AdminServer admin) {
        this.service = service;
        this.lifecycle = lifecycle;
        this.thread = thread;
        this.admin = admin;
    }

    /**
     * @param issuerOrNull an issuer to use instead of the configured one (tests), or null
     * @param acmeIssuer   the ACME client when {@code --acme-directory} is set, or null
     * @param service      the entry point the actions already call (built before the API opened)
     * @param emulation    DNS answers, clock and issuer switch to use instead of the real ones, or null
     * @param console      the operators' console on the admin listener
     */
    static IssuanceRuntime start(Config config, Database database, KeyCipher cipher, CertificateIntake intake,
                                 Clock clock, Issuer issuerOrNull, PrometheusMeterRegistry registry,
                                 PrometheusAcmeMetrics acmeMetrics, Issuer acmeIssuer,
                                 FreeCertificatesService service, Emulation emulation, Console console) {
        IssuanceConfig c = config.issuance();
        FreeCertificateStore store = new FreeCertificateStore(database.jdbi());
        registry.getPrometheusRegistry().register(acmeMetrics);
        registry.getPrometheusRegistry().register(new CertificateMetrics(new CertificateCounts(database.jdbi()), clock));
        Issuer issuer = issuerOrNull != null ? issuerOrNull : Issuers.create(c.issuer(),
                new Issuers.Context(config.dataDir(), cipher, clock, c.acmeDirectory(), acmeMetrics, acmeIssuer));
        String owner = c.nodeId() != null ? c.nodeId() : "node-" + UUID.randomUUID().toString().substring(0, 8);
        CnameCheck cnameCheck = DnsCnameCheck.of(c.dnsResolver(), c.dnsTimeout());
        if (emulation != null) {
            cnameCheck = emulation.cnameCheck(cnameCheck);
            issuer = emulation.issuer(issuer);
        }
        Lifecycle lifecycle = new Lifecycle(store, cnameCheck,
                new RateLimiter(new CertificateOrderStore(database.jdbi()), c.rateLimits()),
                new IssueStep(issuer, intake, store, clock), clock, owner, c.leaseTtl());
        AdminServer admin = config.admin().enabled() ? new AdminServer(config.admin(), registry, store,
                new FeedSource(new ServedCertificates(new ServedDomainRows(database), cipher)), console,
                EmulationRoutes.of(emulation)) : null;
        LifecycleThread thread = c.runLoop() ? new LifecycleThread(lifecycle) : null;
        if (emulation != null) {
            emulation.attachLifecycle(thread != null ? thread::runNow
                    : () -> CompletableFuture.completedFuture(lifecycle.runOnce()));
        }
        return new IssuanceRuntime(service, lifecycle, thread, admin);
    }

    FreeCertificates service() {
        return service;
    }

    Lifecycle lifecycle() {
        return lifecycle;
    }

    /** The admin listener's port, or -1 when it is off. */
    int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.close();
        }
        if (admin != null) {
            admin.close();
        }
    }
}

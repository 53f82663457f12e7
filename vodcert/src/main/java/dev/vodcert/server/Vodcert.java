package dev.vodcert.server;

import dev.vodcert.account.AccessKeys;
import dev.vodcert.account.FirstKey;
import dev.vodcert.api.VodApi;
import dev.vodcert.api.cas.CasApi;
import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.console.Console;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.DomainConfigs;
import dev.vodcert.domain.DomainTags;
import dev.vodcert.emulation.Emulation;
import dev.vodcert.issuance.AcmeRequestMetrics;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.issuance.FreeCertificatesService;
import dev.vodcert.issuance.Issuer;
import dev.vodcert.issuance.Lifecycle;
import dev.vodcert.ownership.OwnershipService;
import dev.vodcert.protocol.ActionTable;
import dev.vodcert.protocol.Authenticator;
import dev.vodcert.protocol.NonceGuard;
import dev.vodcert.protocol.ResponseRenderer;
import dev.vodcert.protocol.RpcPipeline;
import dev.vodcert.store.AccessKeyStore;
import dev.vodcert.store.CasCertificateStore;
import dev.vodcert.store.CertificateCounts;
import dev.vodcert.store.CertificateStore;
import dev.vodcert.store.Database;
import dev.vodcert.store.DatabaseNonceGuard;
import dev.vodcert.store.DomainBrowse;
import dev.vodcert.store.DomainSearch;
import dev.vodcert.store.DomainStore;
import dev.vodcert.store.DomainConfigStore;
import dev.vodcert.store.DomainTagStore;
import dev.vodcert.store.FreeCertificateStore;
import dev.vodcert.store.OwnershipStore;
import dev.vodcert.store.SchemaTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole application: database, services, the action table, the pipeline and the listeners. */
public final class Vodcert implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Vodcert.class);
    private static final Duration NONCE_SWEEP_EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final HttpServer http;
    private final AccessKeys accessKeys;
    private final Housekeeping housekeeping;
    private final AcmeWiring acme;
    private final IssuanceRuntime issuance;
    private final DomainService domains;
    private final DomainConfigs domainConfigs;
    private final ApiMetrics apiMetrics;
    private final NonceGuard nonces;

    private Vodcert(Database database, HttpServer http, AccessKeys accessKeys, Housekeeping housekeeping,
                    AcmeWiring acme, IssuanceRuntime issuance, DomainService domains, DomainConfigs domainConfigs,
                    ApiMetrics apiMetrics, NonceGuard nonces) {
        this.database = database;
        this.http = http;
        this.accessKeys = accessKeys;
        this.housekeeping = housekeeping;
        this.acme = acme;
        this.issuance = issuance;
        this.domains = domains;
        this.domainConfigs = domainConfigs;
        this.apiMetrics = apiMetrics;
        this.nonces = nonces;
    }

    public static Vodcert start(Config config, Clock clock, PrintStream console) {
        return start(config, clock, console, null);
    }

    /**
     * @param clock   the time every part of the service reads
     * @param console where the first start prints the generated AccessKey
     * @param issuer  an issuer to use instead of the configured one (tests), or null
     */
    public static Vodcert start(Config config, Clock clock, PrintStream console, Issuer issuer) {
        return start(config, clock, console, issuer, null);
    }

    /**
     * As {@link #start(Config, Clock, PrintStream, Issuer)}, with {@code emulation} (when not null)
     * standing in for DNS, the clock (of everything but request signatures) and the issuer.
     */
    public static Vodcert start(Config config, Clock clock, PrintStream console, Issuer issuer, Emulation emulation) {
        long began = System.nanoTime();
        Clock signing = emulation == null ? clock : emulation.requestClock();
        if (emulation != null) {
            clock = emulation.serviceClock();
            emulation.warnAtStart();
        }
        config.validate();
        ListenerConfig listenerConfig = config.listener();
        if (listenerConfig.tlsKeystore() != null) {
            TlsKeystore.load(listenerConfig.tlsKeystore(), listenerConfig.tlsKeystorePassword());
        }
        DataFolder.prepare(config.dataDir(), config.database().isEmbedded());
        ResponseRenderer renderer = new ResponseRenderer("vod");
        StartingEndpoint endpoint = new StartingEndpoint(renderer);
        ListenerStart listener = ListenerStart.begin(config, endpoint, endpoint::isReady);
        Database database;
        try {
            database = openDatabase(config);
        } catch (RuntimeException e) {
            listener.abandon();
            throw e;
        }
        Housekeeping housekeeping = new Housekeeping(database::isReachable);
        AcmeWiring acme = null;
        IssuanceRuntime issuance = null;
        NonceGuard nonces = null;
        try {
            // What the first answer needs: the keys, the actions and the pipeline; then the API opens.
            // None of it makes the Jdbi (plain JDBC on the pool, stores that make it when first used).
            MasterKeyRotation.recover(config.dataDir(), config.secrets().masterKey(), database);
            KeyCipher cipher = new KeyCipher(KeyCipher.loadOrCreateMasterKey(config.dataDir(), config.secrets().masterKey()));
            MasterKeyRotation.check(cipher, database);
            AccessKeys keys = new AccessKeys(new AccessKeyStore(database), cipher, clock);
            if (!keys.storedSecretsReadable()) {
                throw new IllegalStateException("The master key does not open the AccessKey secrets stored in the "
                        + "database: every node on one database needs the same VODCERT_MASTER_KEY.");
            }
            FirstKey.ensure(keys, config.secrets().accessKeyId(), config.secrets().accessKeySecret(), config.dataDir(), console);
            DomainStore domainStore = new DomainStore(database);
            ApiConfig api = config.api();
            DomainService domains = new DomainService(domainStore, clock, api.cnameSuffix(), api.domainLimit());
            CertificateIntake intake = new CertificateIntake(cipher, clock, api.certRegion());
            CasCertificateStore casStore = new CasCertificateStore(database);
            FreeCertificatesService free = new FreeCertificatesService(new FreeCertificateStore(database), clock);
            ApiConfig.Ownership own = api.ownership();
            OwnershipService ownership = new OwnershipService(new OwnershipStore(database), domainStore,
                    own.required(), own.resolver(), own.timeout(), own.httpPort(), clock);
            DomainConfigs domainConfigs = new DomainConfigs(new DomainConfigStore(database), domains, clock);
            ActionTable actions = VodApi.register(new ActionTable(), new VodApi.Services(domains, domainStore, intake,
                    emulation == null ? free : emulation.waking(free), casStore, new CertificateStore(database),
                    new DomainSearch(database), new DomainTags(new DomainTagStore(database)), ownership,
                    domainConfigs));
            CasApi.register(actions, casStore, intake);
            nonces = nonceGuard(config, database, signing, housekeeping);
            RpcPipeline pipeline = new RpcPipeline(actions, new Authenticator(keys, nonces, signing,
                            api.timestampWindow()),
                    config.limits().throttle(signing), renderer, Failures::translate, clock);
            HttpServer http = listener.listener();
            endpoint.open(pipeline, database::isReachable);
            LOG.info("API open {} ms after the start began; metrics, ACME, the lifecycle and the admin listener "
                    + "start now; {}", (System.nanoTime() - began) / 1_000_000, config);
            DomainMirrorLoad.start(database);

            // What starts after, while the API already answers (no action waits on any of it): metrics,
            // the ACME client and its HTTP-01 listener, the free-certificate lifecycle, the admin listener.
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            PrometheusAcmeMetrics acmeMetrics = new PrometheusAcmeMetrics(registry);
            acme = AcmeWiring.start(config.acme(), database.jdbi(), cipher, clock, new AcmeRequestMetrics(acmeMetrics));
            issuance = IssuanceRuntime.start(config, database, cipher, intake, clock, issuer, registry, acmeMetrics,
                    acme == null ? null : acme.issuer(), free, emulation,
                    console(config, database, keys, free, domainConfigs, clock));
            ApiMetrics apiMetrics = new ApiMetrics(registry);
            pipeline.observe(apiMetrics);
            return new Vodcert(database, http, keys, housekeeping, acme, issuance, domains, domainConfigs,
                    apiMetrics, nonces);
        } catch (IOException e) {
            listener.abandon();
            closeAll(acme, issuance, housekeeping, database);
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            listener.abandon();
            closeAll(acme, issuance, housekeeping, database);
            throw new IllegalStateException("Cannot read the database", e);
        } catch (RuntimeException | Error e) {
            listener.abandon();
            closeJournal(nonces);
            closeAll(acme, issuance, housekeeping, database);
            throw e;
        }
    }

    private static void closeAll(AcmeWiring acme, IssuanceRuntime issuance, Housekeeping housekeeping,
                                 Database database) {
        if (issuance != null) {
            issuance.close();
        }
        if (acme != null) {
            acme.close();
        }
        housekeeping.close();
        database.close();
    }

    /** The operators' console on the admin listener (reads through the stores; changes through the services). */
    private static Console console(Config config, Database database, AccessKeys keys, FreeCertificatesService free,
                                   DomainConfigs configs, Clock clock) {
        return new Console(new Console.Services(new CertificateCounts(database), new DomainBrowse(database),
                new FreeCertificateStore(database), free, keys, new AccessKeyStore(database), configs, clock),
                config.admin().token());
    }

    /**
     * In memory with a journal in the data folder for one node, or in the database (swept in the
     * background) when nodes share it: either way a nonce outlives a restart.
     */
    private static NonceGuard nonceGuard(Config config, Database database, Clock clock, Housekeeping housekeeping) {
        if (config.api().nonceStore().resolve(database.isShared()) == NonceStore.MEMORY) {
            return NonceJournal.open(config.dataDir(), clock);
        }
        DatabaseNonceGuard guard = new DatabaseNonceGuard(database, clock);
        housekeeping.every("signature-nonce sweep", NONCE_SWEEP_EVERY, guard::sweepExpired);
        return guard;
    }

    private static void closeJournal(NonceGuard nonces) {
        if (nonces instanceof NonceJournal journal) {
            journal.close();
        }
    }

    /** Opens the configured database, migrated; used by the server and by the admin commands. */
    public static Database openDatabase(Config config) {
        return openDatabase(config.database());
    }

    public static Database openDatabase(DatabaseConfig db) {
        DataFolder.prepare(db.dataDir(), db.isEmbedded());
        String url = db.isEmbedded() ? Database.h2Url(db.dataDir()) : db.jdbcUrl();
        if (db.isEmbedded() && db.user() == null && db.password() == null) {
            SchemaTemplate.copyInto(db.dataDir()); // a new embedded database: the build's migrated copy
        }
        return Database.open(url, db.user(), db.password(), db.poolSize());
    }

    public int port() {
        return http.port();
    }

    /** This node's database, for what runs beside the API on it (the built-in edge). */
    public Database database() {
        return database;
    }

    public AccessKeys accessKeys() {
        return accessKeys;
    }

    /** Background work of this node; hook periodic tasks in here (they pause while the database is down). */
    public Housekeeping housekeeping() {
        return housekeeping;
    }

    /** Whether the database answers a cheap query now (what {@code /ready} reports). */
    public boolean databaseReachable() {
        return database.isReachable();
    }

    /** The ACME issuer, when {@code --acme-directory} is configured. */
    public Optional<Issuer> acmeIssuer() {
        return Optional.ofNullable(acme).map(AcmeWiring::issuer);
    }

    /** The port the HTTP-01 challenge listener answers on; 0 when there is none. */
    public int http01Port() {
        return acme == null ? 0 : acme.http01Port();
    }

    /** The domains' configuration rules, and the HTTPS policy each domain's rules make ({@link DomainConfigs#httpsPolicy}). */
    public DomainConfigs domainConfigs() {
        return domainConfigs;
    }

    public DomainService domains() {
        return domains;
    }

    /** The free-certificate entry point the actions call. */
    public FreeCertificates freeCertificates() {
        return issuance.service();
    }

    /** The lifecycle loop (tests run passes themselves when the loop thread is off). */
    public Lifecycle lifecycle() {
        return issuance.lifecycle();
    }

    /** The operators' listener's port, or -1 when it is off. */
    public int adminPort() {
        return issuance.adminPort();
    }

    @Override
    public void close() {
        apiMetrics.close();
        closeJournal(nonces);
        issuance.close();
        if (acme != null) {
            acme.close();
        }
        http.close();
        housekeeping.close();
        database.close();
    }
}

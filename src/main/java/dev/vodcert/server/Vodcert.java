package dev.vodcert.server;

import dev.vodcert.account.AccessKeys;
import dev.vodcert.account.FirstKey;
import dev.vodcert.api.VodApi;
import dev.vodcert.api.cas.CasApi;
import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.DomainTags;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.ownership.OwnershipService;
import dev.vodcert.issuance.AcmeRequestListener;
import dev.vodcert.issuance.Issuer;
import dev.vodcert.protocol.ActionTable;
import dev.vodcert.protocol.Authenticator;
import dev.vodcert.protocol.InMemoryNonceGuard;
import dev.vodcert.protocol.ResponseRenderer;
import dev.vodcert.protocol.RpcPipeline;
import dev.vodcert.protocol.Throttle;
import dev.vodcert.store.AccessKeyStore;
import dev.vodcert.store.CasCertificateStore;
import dev.vodcert.store.CertificateStore;
import dev.vodcert.store.Database;
import dev.vodcert.store.DomainSearch;
import dev.vodcert.store.DomainStore;
import dev.vodcert.store.DomainTagStore;
import dev.vodcert.store.OwnershipStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;

/** The whole application: database, services, the action table, the pipeline and the listener. */
public final class Vodcert implements AutoCloseable {
    private final Database database;
    private final HttpServer http;
    private final AccessKeys accessKeys;
    private final AcmeWiring acme;

    private Vodcert(Database database, HttpServer http, AccessKeys accessKeys, AcmeWiring acme) {
        this.database = database;
        this.http = http;
        this.accessKeys = accessKeys;
        this.acme = acme;
    }

    public static Vodcert start(Config config, Clock clock, PrintStream console) {
        config.validate();
        createDataDir(config);
        byte[] masterKey = KeyCipher.loadOrCreateMasterKey(config.dataDir(), config.masterKey());
        KeyCipher cipher = new KeyCipher(masterKey);
        Database database = openDatabase(config);
        AcmeWiring acme = null;
        try {
            acme = AcmeWiring.start(config, database.jdbi(), cipher, clock, AcmeRequestListener.NONE);
            AccessKeys keys = new AccessKeys(new AccessKeyStore(database.jdbi()), cipher, clock);
            FirstKey.ensure(keys, config.accessKeyId(), config.accessKeySecret(), config.dataDir(), console);
            DomainStore domainStore = new DomainStore(database.jdbi());
            DomainService domains = new DomainService(domainStore, clock, config.cnameSuffix(), config.domainLimit());
            CertificateIntake intake = new CertificateIntake(cipher, clock, config.certRegion());
            CasCertificateStore casStore = new CasCertificateStore(database.jdbi());
            FreeCertificates free = FreeCertificates.DISABLED;
            Config.Ownership own = config.ownership();
            OwnershipService ownership = new OwnershipService(new OwnershipStore(database.jdbi()), domainStore,
                    own.required(), own.resolver(), own.timeout(), own.httpPort(), clock);
            ActionTable actions = VodApi.register(new ActionTable(), new VodApi.Services(domains, domainStore, intake,
                    free, casStore, new CertificateStore(database.jdbi()), new DomainSearch(database.jdbi()),
                    new DomainTags(new DomainTagStore(database.jdbi())), ownership));
            CasApi.register(actions, casStore, intake);
            RpcPipeline pipeline = new RpcPipeline(actions,
                    new Authenticator(keys, new InMemoryNonceGuard(clock), clock, config.timestampWindow()),
                    Throttle.NONE, new ResponseRenderer("vod"), Failures::translate, clock);
            HttpServer http = new HttpServer(config, pipeline, () -> true);
            return new Vodcert(database, http, keys, acme);
        } catch (IOException e) {
            closeAll(acme, database);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeAll(acme, database);
            throw e;
        }
    }

    private static void closeAll(AcmeWiring acme, Database database) {
        if (acme != null) {
            acme.close();
        }
        database.close();
    }

    /** Opens the configured database, migrated; used by the server and by the admin commands. */
    public static Database openDatabase(Config config) {
        createDataDir(config);
        String url = config.jdbcUrl() != null ? config.jdbcUrl() : Database.h2Url(config.dataDir());
        return Database.open(url, config.dbUser(), config.dbPassword(), config.dbPoolSize());
    }

    private static void createDataDir(Config config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + config.dataDir(), e);
        }
    }

    public int port() {
        return http.port();
    }

    public AccessKeys accessKeys() {
        return accessKeys;
    }

    /** The ACME issuer, when {@code --acme-directory} is configured. */
    public Optional<Issuer> acmeIssuer() {
        return Optional.ofNullable(acme).map(AcmeWiring::issuer);
    }

    /** The port the HTTP-01 challenge listener answers on; 0 when there is none. */
    public int http01Port() {
        return acme == null ? 0 : acme.http01Port();
    }

    @Override
    public void close() {
        if (acme != null) {
            acme.close();
        }
        http.close();
        database.close();
    }
}

package dev.vodcert.server;

import dev.vodcert.account.AccessKeys;
import dev.vodcert.account.FirstKey;
import dev.vodcert.api.VodApi;
import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.domain.DomainService;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.issuance.Issuer;
import dev.vodcert.issuance.Lifecycle;
import dev.vodcert.protocol.ActionTable;
import dev.vodcert.protocol.Authenticator;
import dev.vodcert.protocol.InMemoryNonceGuard;
import dev.vodcert.protocol.ResponseRenderer;
import dev.vodcert.protocol.RpcPipeline;
import dev.vodcert.protocol.Throttle;
import dev.vodcert.store.AccessKeyStore;
import dev.vodcert.store.Database;
import dev.vodcert.store.DomainStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

/** The whole application: database, services, the action table, the pipeline and the listener. */
public final class Vodcert implements AutoCloseable {
    private final Database database;
    private final HttpServer http;
    private final AccessKeys accessKeys;
    private final IssuanceRuntime issuance;
    private final DomainService domains;

    private Vodcert(Database database, HttpServer http, AccessKeys accessKeys, IssuanceRuntime issuance,
                    DomainService domains) {
        this.database = database;
        this.http = http;
        this.accessKeys = accessKeys;
        this.issuance = issuance;
        this.domains = domains;
    }

    public static Vodcert start(Config config, Clock clock, PrintStream console) {
        return start(config, clock, console, null);
    }

    /** As {@link #start(Config, Clock, PrintStream)}, with {@code issuer} instead of the configured one when not null. */
    public static Vodcert start(Config config, Clock clock, PrintStream console, Issuer issuer) {
        config.validate();
        createDataDir(config);
        byte[] masterKey = KeyCipher.loadOrCreateMasterKey(config.dataDir(), config.masterKey());
        KeyCipher cipher = new KeyCipher(masterKey);
        Database database = openDatabase(config);
        try {
            AccessKeys keys = new AccessKeys(new AccessKeyStore(database.jdbi()), cipher, clock);
            FirstKey.ensure(keys, config.accessKeyId(), config.accessKeySecret(), config.dataDir(), console);
            DomainStore domainStore = new DomainStore(database.jdbi());
            DomainService domains = new DomainService(domainStore, clock, config.cnameSuffix(), config.domainLimit());
            CertificateIntake intake = new CertificateIntake(cipher, clock, config.certRegion());
            IssuanceRuntime issuance = IssuanceRuntime.start(config, database, cipher, intake, clock, issuer);
            try {
                ActionTable actions = VodApi.register(new ActionTable(), domains, domainStore, intake);
                RpcPipeline pipeline = new RpcPipeline(actions,
                        new Authenticator(keys, new InMemoryNonceGuard(clock), clock, config.timestampWindow()),
                        Throttle.NONE, new ResponseRenderer("vod"), Failures::translate, clock);
                HttpServer http = new HttpServer(config, pipeline, () -> true);
                return new Vodcert(database, http, keys, issuance, domains);
            } catch (RuntimeException e) {
                issuance.close();
                throw e;
            }
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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
        issuance.close();
        http.close();
        database.close();
    }
}

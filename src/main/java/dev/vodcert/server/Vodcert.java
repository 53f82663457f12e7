package dev.vodcert.server;

import dev.vodcert.account.AccessKeys;
import dev.vodcert.account.FirstKey;
import dev.vodcert.api.VodApi;
import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.domain.DomainService;
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
import java.util.concurrent.CompletableFuture;

/** The whole application: database, services, the action table, the pipeline and the listener. */
public final class Vodcert implements AutoCloseable {
    private final Database database;
    private final HttpServer http;
    private final AccessKeys accessKeys;

    private Vodcert(Database database, HttpServer http, AccessKeys accessKeys) {
        this.database = database;
        this.http = http;
        this.accessKeys = accessKeys;
    }

    public static Vodcert start(Config config, Clock clock, PrintStream console) {
        config.validate();
        createDataDir(config);
        byte[] masterKey = KeyCipher.loadOrCreateMasterKey(config.dataDir(), config.masterKey());
        KeyCipher cipher = new KeyCipher(masterKey);
        ResponseRenderer renderer = new ResponseRenderer("vod");
        StartingEndpoint endpoint = new StartingEndpoint(renderer);
        CompletableFuture<HttpServer> listener = HttpServer.startInBackground(config, endpoint, endpoint::isOpen);
        Database database;
        try {
            database = openDatabase(config);
        } catch (RuntimeException e) {
            HttpServer.closeWhenStarted(listener);
            throw e;
        }
        try {
            AccessKeys keys = new AccessKeys(new AccessKeyStore(database.jdbi()), cipher, clock);
            FirstKey.ensure(keys, config.accessKeyId(), config.accessKeySecret(), config.dataDir(), console);
            DomainStore domainStore = new DomainStore(database.jdbi());
            DomainService domains = new DomainService(domainStore, clock, config.cnameSuffix(), config.domainLimit());
            ActionTable actions = VodApi.register(new ActionTable(), domains, domainStore,
                    new CertificateIntake(cipher, clock, config.certRegion()));
            RpcPipeline pipeline = new RpcPipeline(actions,
                    new Authenticator(keys, new InMemoryNonceGuard(clock), clock, config.timestampWindow()),
                    Throttle.NONE, renderer, Failures::translate, clock);
            endpoint.open(pipeline);
            return new Vodcert(database, HttpServer.started(listener), keys);
        } catch (IOException e) {
            HttpServer.closeWhenStarted(listener);
            database.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            HttpServer.closeWhenStarted(listener);
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

    @Override
    public void close() {
        http.close();
        database.close();
    }
}

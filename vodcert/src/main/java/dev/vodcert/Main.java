package dev.vodcert;

import dev.vodcert.account.AccessKeys;
import dev.vodcert.account.NewAccessKey;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.emulation.Emulation;
import dev.vodcert.emulation.EmulationConfig;
import dev.vodcert.server.Config;
import dev.vodcert.server.NonceStore;
import dev.vodcert.server.Limits;
import dev.vodcert.server.MasterKeyRotation;
import dev.vodcert.server.Vodcert;
import dev.vodcert.store.AccessKeyStore;
import dev.vodcert.store.Database;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code serve} runs the service; {@code keys} manages AccessKeys in the data
 * folder; {@code rotate-master-key} re-encrypts every stored secret under a new master key.
 */
@Command(name = "vodcert", mixinStandardHelpOptions = true, version = "vodcert 0.1.0",
        subcommands = {Main.Serve.class, Main.Keys.class, CertsCommand.class, Main.RotateMasterKey.class,
                TrainCommand.class},
        description = "ApsaraVideo VOD domain-certificate API, self-hosted.")
public final class Main implements Runnable {

    /** Exit code when the service cannot start (bad configuration, database unusable). */
    static final int CANNOT_START = 1;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line; a failure to start is one line on stderr and exit code {@value #CANNOT_START}. */
    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("vodcert: cannot start: " + StartFailure.oneLine(e));
                    cmd.getErr().flush();
                    return CANNOT_START;
                });
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Options shared by every command that opens the store. */
    static class StoreOptions {
        @Option(names = "--data", description = "Data folder (default ./data).", defaultValue = "data")
        Path data;
        @Option(names = "--jdbc-url", description = "JDBC URL; default the embedded H2 in the data folder. Env VODCERT_JDBC_URL.",
                defaultValue = "${env:VODCERT_JDBC_URL}")
        String jdbcUrl;
        @Option(names = "--db-user", description = "Database user. Env VODCERT_DB_USER; the password only from "
                + "env VODCERT_DB_PASSWORD.", defaultValue = "${env:VODCERT_DB_USER}")
        String dbUser;
        @Option(names = "--db-pool-size", description = "Database connections per node (default ${DEFAULT-VALUE}). "
                + "Env VODCERT_DB_POOL_SIZE.", defaultValue = "${env:VODCERT_DB_POOL_SIZE:-10}")
        int dbPoolSize;
        @Option(names = "--db-password-env", hidden = true)
        String unused;

        Config config() {
            Config d = Config.defaults(data);
            return new Config(d.host(), d.port(), data, emptyToNull(jdbcUrl), emptyToNull(dbUser),
                    emptyToNull(System.getenv("VODCERT_DB_PASSWORD")), dbPoolSize,
                    emptyToNull(System.getenv("VODCERT_MASTER_KEY")), emptyToNull(System.getenv("VODCERT_ACCESS_KEY_ID")),
                    emptyToNull(System.getenv("VODCERT_ACCESS_KEY_SECRET")), d.cnameSuffix(), d.certRegion(),
                    d.timestampWindow(), d.domainLimit(), d.maxBodyBytes(), d.maxHeaderBytes(), d.ownership(),
                    d.acme(), d.http01Host(), d.http01Port(), d.nonceStore(), d.tlsKeystore(), d.tlsKeystorePassword(),
                    d.issuance(), d.admin());
        }
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the API service.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();
        @Option(names = "--port", description = "Port (default ${DEFAULT-VALUE}).", defaultValue = "8080")
        int port;
        @Option(names = "--host", description = "Listen address (default ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
        String host;
        @Option(names = "--cname-suffix", description = "Suffix of assigned CNAMEs (default ${DEFAULT-VALUE}).",
                defaultValue = "w.alikunlun.com")
        String cnameSuffix;
        @Option(names = "--domain-limit", description = "Domains per account (default ${DEFAULT-VALUE}).",
                defaultValue = "20")
        int domainLimit;
        @Option(names = "--require-ownership", description = "The first domain under a root domain needs a passed "
                + "VerifyVodDomainOwner (default off).")
        boolean requireOwnership;
        @Option(names = "--ownership-resolver", description = "DNS resolver host:port for ownership checks "
                + "(default: the system's).")
        String ownershipResolver;
        @Option(names = "--ownership-timeout-ms", description = "Timeout of each ownership DNS query and file "
                + "fetch (default ${DEFAULT-VALUE}).", defaultValue = "5000")
        long ownershipTimeoutMs;
        @Option(names = "--ownership-http-port", description = "Port fileCheck fetches /verification.html from "
                + "(default ${DEFAULT-VALUE}).", defaultValue = "80")
        int ownershipHttpPort;
        @CommandLine.Mixin
        AcmeOptions acme = new AcmeOptions();
        @Option(names = "--nonce-store", description = "Where SignatureNonces are kept: auto (database on "
                + "PostgreSQL, else memory), memory or database (default ${DEFAULT-VALUE}). Env VODCERT_NONCE_STORE.",
                defaultValue = "${env:VODCERT_NONCE_STORE:-auto}")
        NonceStore nonceStore;
        @Option(names = "--tls-keystore", description = "PKCS12 keystore: serve HTTPS instead of HTTP. "
                + "Env VODCERT_TLS_KEYSTORE.", defaultValue = "${env:VODCERT_TLS_KEYSTORE}")
        Path tlsKeystore;
        @Option(names = "--tls-keystore-password-env", description = "Environment variable holding the keystore "
                + "password (default ${DEFAULT-VALUE}).", defaultValue = "VODCERT_TLS_KEYSTORE_PASSWORD")
        String tlsPasswordEnv;
        @CommandLine.Mixin
        IssuanceOptions issuance = new IssuanceOptions();
        @Option(names = "--throttle", description = "off (default), preset (the real service's 30 requests per second per user"
                + " and action) or RATE[/BURST] per AccessKey.", defaultValue = "off")
        String throttle;
        @Option(names = "--max-active-requests", description = "Requests handled at once (default 8 per core, at least 16).")
        int maxActiveRequests = Limits.DEFAULT_ACTIVE_REQUESTS;
        @Option(names = "--max-queued-requests", description = "Requests that may wait; more get ServiceUnavailable"
                + " (default ${DEFAULT-VALUE}).", defaultValue = "1024")
        int maxQueuedRequests;
        @Option(names = "--max-queue-wait-ms", description = "Longest wait in the queue (default ${DEFAULT-VALUE}).",
                defaultValue = "2000")
        long maxQueueWaitMs;

        // Emulation, for users testing their own code (EmulationConfig; off by default)
        @Option(names = "--dns", description = "resolver (default): the CNAME check asks a DNS resolver; emulated: "
                + "it answers from a table set with POST /admin/emulation/dns on the admin listener.",
                defaultValue = "resolver")
        String dnsMode;
        @Option(names = "--clock", description = "system (default), or emulated: free-certificate time can be moved"
                + " forward with POST /admin/emulation/clock/advance on the admin listener.", defaultValue = "system")
        String clockMode;

        @Override
        public Integer call() throws InterruptedException {
            Config b = store.config();
            Config config = new Config(host, port, b.dataDir(), b.jdbcUrl(), b.dbUser(), b.dbPassword(),
                    b.dbPoolSize(), b.masterKey(), b.accessKeyId(), b.accessKeySecret(), cnameSuffix, b.certRegion(),
                    b.timestampWindow(), domainLimit, b.maxBodyBytes(), b.maxHeaderBytes(),
                    new Config.Ownership(requireOwnership, emptyToNull(ownershipResolver),
                            java.time.Duration.ofMillis(ownershipTimeoutMs), ownershipHttpPort),
                    b.acme(), b.http01Host(), b.http01Port(), nonceStore, tlsKeystore,
                    tlsKeystore == null ? null : emptyToNull(System.getenv(tlsPasswordEnv)),
                    issuance.issuanceConfig(acme.directory), issuance.adminConfig())
                    .withAcme(acme.settings(), acme.http01Host, acme.http01Port);
            Limits limits = Limits.defaults().withThrottle(throttle)
                    .withQueue(maxActiveRequests, maxQueuedRequests, java.time.Duration.ofMillis(maxQueueWaitMs));
            Emulation emulation = Emulation.of(EmulationConfig.of(dnsMode, clockMode), Clock.systemUTC());
            Vodcert app = Vodcert.start(config, limits, Clock.systemUTC(), System.out, null, emulation);
            System.out.println("vodcert: listening on " + (tlsKeystore == null ? "http" : "https") + "://" + host + ":"
                    + app.port() + "/ (data in "
                    + config.dataDir().toAbsolutePath() + ")");
            if (app.adminPort() >= 0) {
                System.out.println("vodcert: metrics and free certificate status on http://" + config.admin().host()
                        + ":" + app.adminPort() + "/metrics and /admin/free-certificates");
            }
            if (emulation != null) {
                System.out.println("vodcert: EMULATION ON, set it through " + (app.adminPort() < 0
                        ? "nothing (the admin listener is off)" : "http://" + config.admin().host() + ":"
                        + app.adminPort() + "/admin/emulation"));
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stop.countDown();
            }));
            stop.await();
            return 0;
        }
    }

    @Command(name = "rotate-master-key", mixinStandardHelpOptions = true,
            description = "Re-encrypt every stored private key and AccessKey secret under a new master key, in one"
                    + " transaction (run while the service is stopped; on PostgreSQL, every node). With the key in"
                    + " the data folder, master.key is replaced; with VODCERT_MASTER_KEY, give the new key in "
                    + MasterKeyRotation.NEW_KEY_SETTING + " and set it as VODCERT_MASTER_KEY afterwards.")
    static final class RotateMasterKey implements Callable<Integer> {
        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() throws SQLException, java.io.IOException {
            Config config = store.config();
            try (Database db = Vodcert.openDatabase(config)) {
                MasterKeyRotation.Result result = MasterKeyRotation.rotate(config, db, config.masterKey(),
                        emptyToNull(System.getenv(MasterKeyRotation.NEW_KEY_SETTING)));
                System.out.println("rotate-master-key: " + result.secrets() + " secrets re-encrypted under the new key.");
                System.out.println(result.keyInEnvironment()
                        ? "Now set VODCERT_MASTER_KEY to the value of " + MasterKeyRotation.NEW_KEY_SETTING
                                + " before the next start."
                        : "master.key in " + config.dataDir() + " holds the new key.");
                return 0;
            }
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "Manage AccessKeys in the data folder (run while the service is stopped when on H2).")
    static final class Keys implements Callable<Integer> {
        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();
        @Parameters(index = "0", description = "create | list | disable | enable | delete")
        String verb;
        @Parameters(index = "1", arity = "0..1", description = "AccessKeyId (disable, enable, delete)")
        String accessKeyId;
        @Option(names = "--account", description = "Account name for create (default ${DEFAULT-VALUE}).",
                defaultValue = "default")
        String account;

        @Override
        public Integer call() {
            Config config = store.config();
            try (Database db = Vodcert.openDatabase(config)) {
                AccessKeyStore rows = new AccessKeyStore(db.jdbi());
                AccessKeys keys = new AccessKeys(rows,
                        new KeyCipher(KeyCipher.loadOrCreateMasterKey(config.dataDir(), config.masterKey())),
                        Clock.systemUTC());
                switch (verb) {
                    case "create" -> {
                        NewAccessKey key = keys.create(keys.account(account));
                        System.out.println("AccessKeyId=" + key.accessKeyId());
                        System.out.println("AccessKeySecret=" + key.accessKeySecret());
                    }
                    case "list" -> rows.list().forEach(r -> System.out.println(r.accessKeyId() + "\taccount="
                            + r.accountId() + "\t" + (r.enabled() ? "enabled" : "disabled")));
                    case "disable", "enable" -> {
                        return report(keys.setEnabled(need(accessKeyId), verb.equals("enable")));
                    }
                    case "delete" -> {
                        return report(keys.delete(need(accessKeyId)));
                    }
                    default -> {
                        System.err.println("Unknown verb " + verb + "; use create, list, disable, enable or delete.");
                        return 2;
                    }
                }
                return 0;
            }
        }

        private static String need(String id) {
            if (id == null) {
                throw new CommandLine.ParameterException(new CommandLine(new Keys()), "Give the AccessKeyId.");
            }
            return id;
        }

        private static int report(boolean found) {
            System.out.println(found ? "done" : "no such AccessKey");
            return found ? 0 : 1;
        }
    }
}

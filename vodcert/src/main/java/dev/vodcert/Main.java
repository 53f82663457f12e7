package dev.vodcert;

import dev.vodcert.account.AccessKeys;
import dev.vodcert.account.NewAccessKey;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.edge.EdgeServer;
import dev.vodcert.emulation.Emulation;
import dev.vodcert.emulation.EmulationConfig;
import dev.vodcert.server.Config;
import dev.vodcert.server.ListenerConfig;
import dev.vodcert.server.MasterKeyRotation;
import dev.vodcert.server.Vodcert;
import dev.vodcert.store.AccessKeyStore;
import dev.vodcert.store.Database;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code serve} runs the service (with the built-in edge when its ports are given);
 * {@code edge} runs only the edge, on the service's store; {@code keys} manages AccessKeys in the data
 * folder; {@code rotate-master-key} re-encrypts every stored secret under a new master key.
 */
@Command(name = "vodcert", mixinStandardHelpOptions = true, version = "vodcert 0.1.0",
        subcommands = {Main.Serve.class, EdgeCommand.class, Main.Keys.class, CertsCommand.class, Main.RotateMasterKey.class,
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

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the API service.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        ServeOptions options = new ServeOptions();

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
            Config config = options.config();
            Emulation emulation = Emulation.of(EmulationConfig.of(dnsMode, clockMode), Clock.systemUTC());
            Vodcert app = Vodcert.start(config, Clock.systemUTC(), System.out, null, emulation);
            EdgeServer edge = null;
            if (options.edge.requested()) {
                try {
                    edge = EdgeOptions.start(options.edge.config(false), config, app.database());
                } catch (RuntimeException e) {
                    app.close();
                    throw e;
                }
            }
            EdgeServer startedEdge = edge;
            ListenerConfig http = config.listener();
            System.out.println("vodcert: listening on " + (http.tlsKeystore() == null ? "http" : "https") + "://"
                    + http.host() + ":" + app.port() + "/ (data in " + config.dataDir().toAbsolutePath() + ")");
            if (app.adminPort() >= 0) {
                String admin = "http://" + config.admin().host() + ":" + app.adminPort();
                System.out.println("vodcert: metrics and free certificate status on " + admin
                        + "/metrics and /admin/free-certificates; the operators' console on " + admin + "/console");
            }
            if (emulation != null) {
                System.out.println("vodcert: EMULATION ON, set it through " + (app.adminPort() < 0
                        ? "nothing (the admin listener is off)" : "http://" + config.admin().host() + ":"
                        + app.adminPort() + "/admin/emulation"));
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (startedEdge != null) {
                    startedEdge.close();
                }
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
                MasterKeyRotation.Result result = MasterKeyRotation.rotate(config, db, config.secrets().masterKey(),
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
                        new KeyCipher(KeyCipher.loadOrCreateMasterKey(config.dataDir(), config.secrets().masterKey())),
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

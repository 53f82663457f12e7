package dev.vodcert;

import dev.vodcert.feed.CertDirectory;
import dev.vodcert.feed.CertsSync;
import dev.vodcert.feed.FeedClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code certs sync --out DIR [--reload CMD] [--watch]}: fetches the certificates a node serves
 * from its operators' listener and keeps DIR equal to them for nginx and HAProxy
 * ({@link CertsSync}); exit 0 when the pass (or, with {@code --watch}, the loop until stopped)
 * went well, 1 when the feed or the reload failed, 2 for a bad option.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Write the served certificates (chain + key per domain, an nginx map, an HAProxy crt-list) "
                + "into a folder and run the reload command when something changed.")
public final class CertsSyncCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "The folder the sync owns (created mode 0700).")
    Path out;
    @Option(names = "--reload", description = "Shell command run after a change, e.g. 'nginx -s reload'.")
    String reload;
    @Option(names = "--watch", description = "Keep polling (every --interval seconds) until stopped.")
    boolean watch;
    @Option(names = "--interval", description = "Seconds between polls with --watch (default ${DEFAULT-VALUE}).",
            defaultValue = "10")
    long intervalSeconds;
    @Option(names = "--admin-url", description = "The node's operators' listener (default ${DEFAULT-VALUE}).",
            defaultValue = "http://127.0.0.1:9402")
    URI adminUrl;
    @Option(names = "--token-env", description = "Environment variable holding the admin token "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "VODCERT_ADMIN_TOKEN")
    String tokenEnv;
    @Option(names = "--owner", description = "User the folder and files belong to (needs root), e.g. www-data "
            + "for nginx's workers, which read the certificate at each handshake.")
    String owner;

    private final UnaryOperator<String> environment;
    private final PrintStream stdout;
    private final PrintStream stderr;

    public CertsSyncCommand() {
        this(System::getenv, System.out, System.err);
    }

    /** @param environment looks environment variables up (tests give their own) */
    public CertsSyncCommand(UnaryOperator<String> environment, PrintStream stdout, PrintStream stderr) {
        this.environment = environment;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        CertsSync sync;
        try {
            if (intervalSeconds < 1) {
                throw new IllegalArgumentException("--interval must be at least 1 second");
            }
            sync = new CertsSync(new FeedClient(adminUrl, Main.emptyToNull(environment.apply(tokenEnv))),
                    new CertDirectory(out, owner), reload, stdout);
        } catch (IllegalArgumentException | IOException e) {
            stderr.println("vodcert certs sync: " + e.getMessage());
            return 2;
        }
        try {
            if (watch) {
                sync.watch(Duration.ofSeconds(intervalSeconds), stderr);
            }
            sync.once();
            return 0;
        } catch (IOException | RuntimeException e) {
            stderr.println("vodcert certs sync: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            return 0;
        }
    }
}

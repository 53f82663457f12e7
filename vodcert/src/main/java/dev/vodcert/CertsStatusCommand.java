package dev.vodcert;

import dev.vodcert.issuance.FreeCertificateReport;
import dev.vodcert.server.Vodcert;
import dev.vodcert.store.Database;
import dev.vodcert.store.FreeCertificateStore;
import java.io.PrintStream;
import java.net.IDN;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code certs status [--domain D]}: why each free certificate is where it is (status, last
 * check's observed CNAME, resolver and error, attempts, next attempt): from the database (on
 * PostgreSQL while the service runs; on the embedded H2 only while it is stopped, since the running
 * service holds the file), or with {@code --admin-url} from a running service's operators' listener.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Each free certificate's state, last check and next attempt.")
final class CertsStatusCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();
    @Option(names = "--domain", description = "Only this domain.")
    String domain;
    @Option(names = "--admin-url", description = "Ask a running service through its operators' listener (for "
            + "example http://127.0.0.1:9402) instead of opening the database; the token, when it has one, from env "
            + "VODCERT_ADMIN_TOKEN.")
    URI adminUrl;

    PrintStream out = System.out;
    PrintStream err = System.err;
    /** Where the token is read from (the environment; tests give another). */
    UnaryOperator<String> env = System::getenv;

    /** One page of reports: after a name ("" first), or only one domain's. */
    private interface Pages {
        List<FreeCertificateReport> page(String only, String after) throws AdminListenerClient.Failure;
    }

    @Override
    public Integer call() {
        String only = domain == null ? null : IDN.toASCII(domain.toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED);
        try {
            if (adminUrl != null) {
                return show(new AdminListenerClient(adminUrl, env.apply("VODCERT_ADMIN_TOKEN"))::page, only);
            }
            try (Database db = Vodcert.openDatabase(store.config())) {
                FreeCertificateStore rows = new FreeCertificateStore(db.jdbi());
                return show((o, after) -> rows.list(o, after, PAGE).stream()
                        .map(r -> FreeCertificateReport.of(r.domainName(), r.state(), r.certNotAfter())).toList(), only);
            }
        } catch (AdminListenerClient.Failure e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private int show(Pages pages, String only) throws AdminListenerClient.Failure {
        String after = "";
        int shown = 0;
        List<FreeCertificateReport> page;
        do {
            page = pages.page(only, after);
            for (FreeCertificateReport r : page) {
                out.print(r.toText());
                after = r.domainName();
                shown++;
            }
        } while (only == null && !page.isEmpty());
        if (shown == 0) {
            out.println(only == null ? "No free certificates." : "No free certificate for " + only + ".");
            return only == null ? 0 : 1;
        }
        return 0;
    }
}

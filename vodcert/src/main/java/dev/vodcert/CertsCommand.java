package dev.vodcert;

import dev.vodcert.issuance.FreeCertificateReport;
import dev.vodcert.server.Vodcert;
import dev.vodcert.store.Database;
import dev.vodcert.store.FreeCertificateStore;
import java.io.PrintStream;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code certs status [--domain D]}: why each free certificate is where it is (status, last
 * check's observed CNAME, resolver and error, attempts, next attempt), read from the store. On H2
 * run it while the service is stopped (the running service answers the same on its admin port).
 */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = "Free certificates: 'status' shows each one's state, last check and next attempt.")
final class CertsCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @CommandLine.Mixin
    Main.StoreOptions store = new Main.StoreOptions();
    @Parameters(index = "0", description = "status")
    String verb;
    @Option(names = "--domain", description = "Only this domain.")
    String domain;

    PrintStream out = System.out;

    @Override
    public Integer call() {
        if (!"status".equals(verb)) {
            System.err.println("Unknown verb " + verb + "; use status.");
            return 2;
        }
        try (Database db = Vodcert.openDatabase(store.config())) {
            FreeCertificateStore rows = new FreeCertificateStore(db.jdbi());
            String only = domain == null ? null : IDN.toASCII(domain.toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED);
            String after = "";
            int shown = 0;
            List<FreeCertificateStore.Listed> page;
            do {
                page = rows.list(only, after, PAGE);
                for (FreeCertificateStore.Listed r : page) {
                    out.print(FreeCertificateReport.of(r.domainName(), r.state(), r.certNotAfter()).toText());
                    after = r.domainName();
                    shown++;
                }
            } while (only == null && page.size() == PAGE);
            if (shown == 0) {
                out.println(only == null ? "No free certificates." : "No free certificate for " + only + ".");
                return only == null ? 0 : 1;
            }
            return 0;
        }
    }
}

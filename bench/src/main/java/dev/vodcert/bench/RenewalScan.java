package dev.vodcert.bench;

import dev.vodcert.issuance.LifecycleTiming;
import dev.vodcert.server.Config;
import dev.vodcert.server.Vodcert;
import dev.vodcert.store.CertificateOrderStore;
import dev.vodcert.store.Database;
import dev.vodcert.store.FreeCertificateStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Times what the free-certificate lifecycle runs against the database to find its work, through the
 * service's own store on a seeded data folder opened as the service opens it: a pass's
 * {@link FreeCertificateStore#due} (at most {@value LifecycleTiming#PASS_BATCH} rows), the lease
 * heartbeat every {@value LifecycleTiming#HEARTBEAT_SECONDS} s ({@link FreeCertificateStore#heartbeat}),
 * and the hourly sweep of old orders ({@link CertificateOrderStore#sweep}). Each is run
 * {@value #RUNS} times; the first run (cold page cache) and the median are reported.
 */
final class RenewalScan {
    static final int RUNS = 7;

    private RenewalScan() {
    }

    static void time(Path dataDir, int domains, Report report) {
        try (Database db = Vodcert.openDatabase(Config.defaults(dataDir))) {
            FreeCertificateStore store = new FreeCertificateStore(db.jdbi());
            CertificateOrderStore orders = new CertificateOrderStore(db.jdbi());
            long now = System.currentTimeMillis();
            int[] found = new int[1];
            record(report, "renewal scan (due, " + LifecycleTiming.PASS_BATCH + ")", domains,
                    () -> found[0] = store.due(now, LifecycleTiming.PASS_BATCH).size());
            System.out.printf("  due rows found per pass: %d%n", found[0]);
            record(report, "lease heartbeat", domains, () -> store.heartbeat(FreeCertificateRowsSeed.LEASE_OWNER,
                    now + LifecycleTiming.leaseTtl().toMillis()));
            record(report, "order sweep", domains, () -> orders.sweep(now - 7 * 86_400_000L));
        }
    }

    private static void record(Report report, String what, int domains, LongSupplier call) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.getAsLong();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double first = ms[0];
        Arrays.sort(ms);
        System.out.printf("  %s: first %.2f ms, median %.2f ms, max %.2f ms%n", what, first, ms[RUNS / 2],
                ms[RUNS - 1]);
        report.fact(what + " ms (first run), " + domains + " domains", first);
        report.fact(what + " ms (median of " + RUNS + "), " + domains + " domains", ms[RUNS / 2]);
    }
}

package dev.vodcert.bench;

import dev.vodcert.server.Config;
import dev.vodcert.store.Database;
import dev.vodcert.store.DomainStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Where the time of a read goes as the table grows, without HTTP: one thread looks up random stored
 * domains with {@link DomainStore#findWithCertificate} (the query {@code DescribeVodDomainCertificateInfo}
 * runs) and reports microseconds per lookup, in wall time and in the thread's CPU time (the latter less
 * disturbed on a shared machine). Seeds the folder first when it is empty. The H2 URL
 * settings to try (say {@code ;PAGE_SIZE=4096;CACHE_SIZE=65536}) are appended to the default URL,
 * at seeding and at reading; a {@code CACHE_SIZE} given replaces the default one ({@code H2CacheSize}).
 *
 * <p>{@code java -cp ... dev.vodcert.bench.StoreLookupBench DATA_DIR DOMAINS [URL_SUFFIX] [LOOKUPS]}
 */
public final class StoreLookupBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StoreLookupBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int domains = Integer.parseInt(args[1]);
        String suffix = args.length > 2 ? args[2] : "";
        int lookups = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
        String base = Database.h2Url(data);
        String url = (suffix.toUpperCase().contains("CACHE_SIZE") ? base.replaceAll(";CACHE_SIZE=\\d+", "") : base) + suffix;
        if (!Files.exists(data.resolve("seeded"))) {
            Config d = Config.defaults(data);
            Seeder.seed(d.withDatabase(url, null, null, d.database().poolSize())
                    .withAccessKey(LoadBench.KEY_ID, LoadBench.KEY_SECRET), domains, System.out);
            Files.writeString(data.resolve("seeded"), Integer.toString(domains));
        }
        try (Database db = Database.open(url, null, null, 2)) {
            DomainStore store = new DomainStore(db.jdbi());
            long account = db.jdbi().withHandle(h -> h.createQuery("SELECT MIN(account_id) FROM vod_domain")
                    .mapTo(Long.class).one());
            SplittableRandom random = new SplittableRandom(7);
            for (int round = 0; round < 4; round++) {
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                int found = 0;
                for (int i = 0; i < lookups; i++) {
                    if (store.findWithCertificate(account, Seeder.domainName(random.nextInt(domains))).isPresent()) {
                        found++;
                    }
                }
                double micros = (System.nanoTime() - start) / 1e3 / lookups;
                double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / lookups;
                System.out.printf("%s domains=%d url-suffix='%s' round %d: %.1f us/lookup, CPU %.1f us (%d found)%n",
                        round == 0 ? "warm-up" : "measured", domains, suffix, round, micros, cpuMicros, found);
            }
        }
    }
}

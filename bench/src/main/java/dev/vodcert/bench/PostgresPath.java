package dev.vodcert.bench;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.server.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code --store postgresql}: a throwaway cluster ({@link PostgresCluster}); per domain count a
 * database seeded as the H2 folders are; per node count that many service processes on it (one
 * master key, given in {@code VODCERT_MASTER_KEY}, as the README's several-node setup does), the load
 * spread over their ports, measured as on H2 (describe every round at every concurrency, the write
 * mix), then the disabled-key check ({@link DisabledKeyCheck}). The CPU reported for these runs is
 * the nodes' plus the database's.
 */
final class PostgresPath {
    private final LoadBench bench;

    PostgresPath(LoadBench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        BenchOptions o = bench.options;
        String masterKey = Base64.getEncoder().encodeToString(KeyCipher.newMasterKey());
        try (PostgresCluster cluster = PostgresCluster.start(o.work().resolve("pg-" + bench.runId))) {
            for (int domains : o.domains()) {
                String url = cluster.createDatabase("vodcert_" + domains);
                Path seedFolder = o.work().resolve("pg-" + bench.runId + "-seed-" + domains);
                long t0 = System.nanoTime();
                Seeder.seed(Config.defaults(seedFolder)
                        .withDatabase(url + "?reWriteBatchedInserts=true", PostgresCluster.USER, null, 2)
                        .withMasterKey(masterKey).withAccessKey(LoadBench.KEY_ID, LoadBench.KEY_SECRET), domains, System.out);
                bench.report.fact("PostgreSQL seeding s, " + domains + " domains", (System.nanoTime() - t0) / 1e9);
                LoadBench.delete(seedFolder);
                for (int nodes : o.nodes()) {
                    measure(cluster, url, masterKey, domains, nodes);
                }
            }
        }
    }

    private void measure(PostgresCluster cluster, String url, String masterKey, int domains, int nodes)
            throws Exception {
        BenchOptions o = bench.options;
        String label = "pg " + nodes + (nodes == 1 ? " node" : " nodes");
        List<ServerProcess> started = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try {
            for (int i = 1; i <= nodes; i++) {
                Path folder = o.work().resolve("pg-" + bench.runId + "-node-" + i);
                folders.add(folder);
                ServerProcess node = bench.startService(folder, true, !o.classArchive().isBlank(),
                        List.of("--jdbc-url", url, "--db-user", PostgresCluster.USER),
                        Map.of("VODCERT_MASTER_KEY", masterKey), "vodcert-pg.log");
                started.add(node);
                bench.report.fact("start-up s, " + domains + " domains, " + label + ", node " + i, node.startupSeconds);
            }
            int[] ports = started.stream().mapToInt(s -> s.port).toArray();
            LoadBench.Target target = new LoadBench.Target("vodcert " + label, ports, () -> {
                double cpu = cluster.cpuSeconds();
                for (ServerProcess s : started) {
                    cpu += s.cpuSeconds();
                }
                return cpu;
            });
            bench.warm(target, domains);
            double databaseBefore = cluster.cpuSeconds();
            double allBefore = target.cpu().seconds();
            bench.measure(domains, List.of(), target);
            bench.report.fact("PostgreSQL's share of the CPU in the rounds, " + domains + " domains, " + label,
                    (cluster.cpuSeconds() - databaseBefore) / (target.cpu().seconds() - allBefore));
            DisabledKeyCheck.run(bench, url, masterKey, ports, domains + " domains, " + label);
            for (int i = 0; i < started.size(); i++) {
                bench.report.fact("RSS MiB after load, " + domains + " domains, " + label + ", node " + (i + 1),
                        started.get(i).rssMiB());
            }
        } finally {
            for (ServerProcess s : started) {
                s.close();
            }
            for (Path folder : folders) {
                LoadBench.delete(folder);
            }
        }
    }
}

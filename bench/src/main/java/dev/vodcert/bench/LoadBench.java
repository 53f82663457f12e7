package dev.vodcert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The load benchmark: for each stored-domain count, a data folder seeded before the start, the real
 * service started with {@code java -jar ... serve} (its start-up timed to the first signed answer),
 * then rounds in which the peers ({@link Peers}: nginx, WireMock, the baseline) and the service each
 * take the same kind of pre-signed {@code DescribeVodDomainCertificateInfo} requests at every
 * concurrency, and the service the write mix ({@link WriteMix}). With {@code --store postgresql} the
 * same again on PostgreSQL with one and two nodes ({@link PostgresPath}). Prints every run, then
 * medians, ratios to the peers, start-up times and resident memory. See bench/README.md.
 */
public final class LoadBench {
    static final String KEY_ID = "LTAIbenchmark0000000";
    static final String KEY_SECRET = "bench-secret-local-only-000000";

    private static final int WARMUP_BATCHES_MAX = 8;
    private static final int SETTLED_WITHIN_PERCENT = 10;
    /**
     * The heap bound of the root README's command. Without it the JVM's default heap (a quarter of
     * the machine's memory) lets G1 grow: 2,408 MiB resident at 1,000,000 domains on a 24 GiB machine,
     * with ~330 MiB live after a collection.
     */
    static final String README_HEAP = "-Xmx512m";

    /** Connections of the write mix: one concurrency, the one the targets are stated at. */
    static final int WRITE_CONNECTIONS = 64;

    /** The certificate the write mix uploads (a wildcard over the seeded zone, made once per run). */
    private final BenchCertificate writeCertificate = BenchCertificate.issue();

    final BenchOptions options;
    final Report report = new Report(System.out);
    final String runId = Long.toString(System.currentTimeMillis(), 36);
    private long seed = 1;
    /** The port the service's CNAME checks ask: the NXDOMAIN server's, or one where nothing listens. */
    private final int resolverPort;

    private LoadBench(BenchOptions options, int resolverPort) {
        this.options = options;
        this.resolverPort = resolverPort;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        System.out.println(Machine.describe());
        System.out.println("options: " + options);
        if (options.resolver().equals("silent")) {
            new LoadBench(options, ServerProcess.freePort()).run();
            return;
        }
        try (NxDomainResolver resolver = new NxDomainResolver()) {
            new LoadBench(options, resolver.port()).run();
        }
    }

    private void run() throws Exception {
        Files.createDirectories(options.work());
        for (int i = 1; i <= options.startups(); i++) {
            Path empty = options.work().resolve("empty");
            delete(empty);
            try (ServerProcess s = startService(empty, false)) {
                report.fact("start-up s, empty data folder", s.startupSeconds);
            }
            if (!options.classArchive().isBlank()) {
                delete(empty);
                try (ServerProcess s = startService(empty, false, false)) {
                    report.fact("start-up s, empty data folder, without the class archive", s.startupSeconds);
                }
            }
        }
        List<ServerProcess> peerProcesses = new ArrayList<>();
        List<Target> peers = null;
        try {
            for (int domains : options.domains()) {
                Path data = options.work().resolve("data-" + domains);
                prepare(data, domains);
                if (!options.timedQuery().isBlank()) {
                    for (int i = 0; i < 3; i++) {
                        report.fact("timed query ms, " + domains + " domains",
                                TimedQuery.millis(data, options.timedQuery()));
                    }
                }
                if (options.renewalScan()) {
                    RenewalScan.time(data, domains, report);
                }
                if (options.rounds() == 0 && options.startups() == 0 && !options.scrape()) {
                    continue; // seeding and scans only
                }
                for (int i = 1; i < options.startups(); i++) {
                    try (ServerProcess s = startService(data, true)) {
                        report.fact("start-up s, " + domains + " domains", s.startupSeconds);
                    }
                }
                try (ServerProcess service = startService(data, true)) {
                    report.fact("start-up s, " + domains + " domains", service.startupSeconds);
                    if (options.scrape()) {
                        OperatorScrape.time(service, domains, report);
                    }
                    if (options.rounds() == 0) {
                        continue;
                    }
                    if (options.rounds() > 0) {
                        // measure the steady state: the service answers at once, and fills its domain mirror behind
                        String mirror = service.awaitLogLine("Domain mirror loaded", 300);
                        report.fact("domain mirror load ms, " + domains + " domains", Double.parseDouble(
                                mirror.replaceAll(".* in (\\d+) ms.*", "$1")));
                    }
                    if (peers == null) {
                        peers = startPeers(meanAnswerBytes(service.port, domains), peerProcesses);
                        for (Target peer : peers) {
                            warm(peer, domains);
                        }
                    }
                    Target vodcert = new Target("vodcert", new int[] {service.port}, service::cpuSeconds);
                    warm(vodcert, domains);
                    measure(domains, peers, vodcert);
                    report.fact("RSS MiB after load, " + domains + " domains", service.rssMiB());
                    report.fact("peak RSS MiB, " + domains + " domains", service.peakRssMiB());
                    if (options.histogram()) {
                        System.out.println(service.jcmd("GC.heap_info", 20));
                        System.out.println(service.jcmd("GC.class_histogram", 25));
                    }
                }
            }
            if (options.store().equals("postgresql")) {
                new PostgresPath(this).run();
            }
        } finally {
            for (ServerProcess peer : peerProcesses) {
                peer.close();
            }
        }
        String summary = report.summary();
        System.out.println();
        System.out.println(summary);
        Path file = options.work().resolve("results-" + runId + ".md");
        report.write(file);
        System.out.println("written to " + file);
    }

    /** What one load run is sent to: one port or several (nodes), and the CPU time its processes used. */
    record Target(String name, int[] ports, CpuMeter cpu) {
    }

    /** CPU seconds used so far by the processes of a target. */
    interface CpuMeter {
        double seconds() throws IOException;
    }

    /**
     * Every round, at every concurrency: each peer, then vodcert, the same kind of requests; then,
     * with {@code --writes}, the write mix once at {@value #WRITE_CONNECTIONS} connections.
     */
    void measure(int domains, List<Target> peers, Target vodcert) throws Exception {
        for (int round = 1; round <= options.rounds(); round++) {
            for (int connections : options.connections()) {
                for (Target peer : peers) {
                    report.add(load(peer, domains, connections, round, true));
                }
                report.add(load(vodcert, domains, connections, round, false));
            }
            if (options.writes() > 0) {
                writes(vodcert, domains, round);
            }
        }
    }

    private Report.Run load(Target target, int domains, int connections, int round, boolean allOk) throws Exception {
        long workSeed = seed++;
        Workload work = new Presigner(KEY_ID, KEY_SECRET, target.ports()[0], runId + "r" + workSeed)
                .sign(options.requests(), domains, options.existing(), workSeed, Instant.now());
        System.gc();
        return run(target, target.name(), allOk ? work.allOk() : work, domains, connections, round);
    }

    private Report.Run run(Target target, String name, Workload work, int domains, int connections, int round)
            throws Exception {
        double cpu = target.cpu().seconds();
        LoadResult result = new LoadGenerator(target.ports(), connections, options.threads()).run(work);
        return new Report.Run(domains, connections, round, name, result, target.cpu().seconds() - cpu);
    }

    /**
     * The write mix ({@link WriteMix}) on fresh domains, each action its own run; named by the action
     * and what follows "vodcert" in the target's name (" pg 2 nodes").
     */
    private void writes(Target vodcert, int domains, int round) throws Exception {
        Presigner signer = new Presigner(KEY_ID, KEY_SECRET, vodcert.ports()[0], runId + "x" + seed);
        String where = vodcert.name().substring("vodcert".length());
        for (WriteMix.Phase phase : WriteMix.sign(signer, options.writes(), runId + seed++, writeCertificate,
                Instant.now())) {
            report.add(run(vodcert, phase.action() + where, phase.work(), domains, WRITE_CONNECTIONS, round));
        }
    }

    /**
     * Batches of {@code --warmup} requests at 64 connections until one runs within
     * {@value #SETTLED_WITHIN_PERCENT}% of the one before (at most {@value #WARMUP_BATCHES_MAX}): on two
     * cores the JIT compilers share the CPU with the load, and one batch left the first round cold.
     */
    void warm(Target target, int domains) throws Exception {
        double previous = 0;
        for (int batch = 1; batch <= WARMUP_BATCHES_MAX; batch++) {
            long workSeed = seed++;
            Workload work = new Presigner(KEY_ID, KEY_SECRET, target.ports()[0], runId + "w" + workSeed)
                    .sign(options.warmup(), domains, options.existing(), workSeed, Instant.now());
            LoadResult warm = new LoadGenerator(target.ports(), 64, options.threads()).run(work);
            double rate = warm.requestsPerSecond();
            System.out.printf("  warm-up %s %d: %d requests, %.0f req/s%n", target.name(), batch, warm.requests(), rate);
            if (previous > 0 && Math.abs(rate - previous) <= previous * SETTLED_WITHIN_PERCENT / 100.0) {
                return;
            }
            previous = rate;
        }
    }

    /** The peers of {@code --peers}, each answering {@code bodyBytes} bytes; started ones added to {@code started}. */
    private List<Target> startPeers(int bodyBytes, List<ServerProcess> started) throws IOException, InterruptedException {
        byte[] body = Baseline.body(bodyBytes);
        System.out.println("peers answer " + body.length + " bytes");
        List<Target> peers = new ArrayList<>();
        for (String peer : options.peers()) {
            Supplier<byte[]> probe = probe();
            ServerProcess p = switch (peer) {
                case "baseline" -> startBaseline(bodyBytes);
                case "nginx" -> Peers.nginx(options.work().resolve("nginx-" + runId), body, probe);
                case "wiremock" -> Peers.wiremock(options.wiremockJar(), options.work().resolve("wiremock-" + runId),
                        body, probe);
                default -> throw new IllegalArgumentException("--peers: baseline, nginx, wiremock or none, not " + peer);
            };
            started.add(p);
            peers.add(new Target(peer, new int[] {p.port}, p::cpuSeconds));
        }
        return peers;
    }

    private Supplier<byte[]> probe() {
        Presigner probe = new Presigner(KEY_ID, KEY_SECRET, 0, runId + "b" + seed++);
        return () -> probe.request(Seeder.domainName(0), "2020-01-01T00:00:00Z");
    }

    private void prepare(Path data, int domains) throws Exception {
        Path marker = data.resolve("seeded");
        if (Files.exists(marker) && !options.reseed()) {
            return;
        }
        delete(data);
        Seeder.seed(data, domains, KEY_ID, KEY_SECRET, System.out);
        Files.writeString(marker, Integer.toString(domains));
    }

    private ServerProcess startService(Path data, boolean seeded) throws IOException, InterruptedException {
        return startService(data, seeded, !options.classArchive().isBlank());
    }

    private ServerProcess startService(Path data, boolean seeded, boolean archive)
            throws IOException, InterruptedException {
        return startService(data, seeded, archive, List.of(), Map.of(), "vodcert.log");
    }

    /**
     * The service as the README starts it, on a free port, with {@code extraArgs} after {@code serve}'s
     * own (a database) and {@code extraEnv} beside the first key's variables.
     */
    ServerProcess startService(Path data, boolean seeded, boolean archive, List<String> extraArgs,
                               Map<String, String> extraEnv, String logName) throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        int adminPort = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of("java"));
        if (archive) {
            command.add("-XX:SharedArchiveFile=" + options.classArchive());
        }
        command.add(README_HEAP);
        command.addAll(options.jvmOptions()); // after it: an -Xmx given here wins
        // the lifecycle's CNAME checks of the seeded due rows ask 127.0.0.1 (--resolver), never the
        // machine's name server: the benchmark talks to this machine only. The domain limit is lifted:
        // the seeded account holds up to 1,000,000 domains and the write mix adds more. The operators'
        // listener gets a free port of its own, so that nodes side by side (and other runs) can start
        command.addAll(List.of("-jar", options.jar().toString(), "serve", "--port", Integer.toString(port),
                "--data", data.toString(), "--dns-resolver", "127.0.0.1:" + resolverPort,
                "--dns-timeout-ms", "200", "--domain-limit", "100000000",
                "--admin-host", "127.0.0.1", "--admin-port", Integer.toString(adminPort)));
        command.addAll(extraArgs);
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("VODCERT_ACCESS_KEY_ID", KEY_ID);
        env.put("VODCERT_ACCESS_KEY_SECRET", KEY_SECRET);
        Presigner probe = new Presigner(KEY_ID, KEY_SECRET, port, runId + "p" + port);
        String name = seeded ? Seeder.domainName(1) : Seeder.unknownName(1);
        return ServerProcess.start(command, env, options.work().resolve(logName), port,
                () -> probe.request(name, dev.vodcert.protocol.Timestamps.format(Instant.now())), seeded ? 200 : 404);
    }

    private ServerProcess startBaseline(int bodyBytes) throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        List<String> command = List.of("java", "-cp", System.getProperty("java.class.path"),
                Baseline.class.getName(), Integer.toString(port), Integer.toString(bodyBytes));
        Presigner probe = new Presigner(KEY_ID, KEY_SECRET, port, runId + "b");
        System.out.println("baseline answers " + bodyBytes + " bytes");
        return ServerProcess.start(command, Map.of(), options.work().resolve("baseline.log"), port,
                () -> probe.request(Seeder.domainName(0), "2020-01-01T00:00:00Z"), 200);
    }

    /** The mean body size of the service's answers for this mix: with a certificate, without, unknown. */
    private int meanAnswerBytes(int port, int domains) throws IOException {
        Presigner p = new Presigner(KEY_ID, KEY_SECRET, port, runId + "m");
        String now = dev.vodcert.protocol.Timestamps.format(Instant.now());
        int withCert = ServerProcess.exchange(port, p.request(Seeder.domainName(domains > 1 ? 1 : 0), now))[1];
        int without = ServerProcess.exchange(port, p.request(Seeder.domainName(0), now))[1];
        int unknown = ServerProcess.exchange(port, p.request(Seeder.unknownName(7), now))[1];
        double known = options.existing();
        return (int) Math.round(known * (withCert + without) / 2 + (1 - known) * unknown);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.vodcert.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Collects every measured run and prints them as they come, then the medians over rounds: requests
 * per second, latency percentiles, errors, the service's ratio to each peer measured in the same
 * round (and PostgreSQL's to H2), and the CPU both the server and the load generator used. Also start-up times and memory.
 */
final class Report {
    /** One measured run, with the server's CPU time during it. */
    record Run(int domains, int connections, int round, String server, LoadResult result, double serverCpuSeconds) {
    }

    private final List<Run> runs = new ArrayList<>();
    private final Map<String, List<Double>> facts = new LinkedHashMap<>();
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void add(Run run) {
        runs.add(run);
        LoadResult r = run.result();
        out.printf("  %-12s domains=%-8d conns=%-4d round=%d  %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  "
                        + "p99.9 %6.2f ms  max %7.2f ms  errors %d  server %.2f cores (%.1f us/req)  generator %.2f cores (%.1f us/req)%n",
                run.server(), run.domains(), run.connections(), run.round(), r.requestsPerSecond(), r.p50Millis(),
                r.p99Millis(), r.p999Millis(), r.maxMillis(), r.errors(), run.serverCpuSeconds() / r.seconds(), run.serverCpuSeconds() * 1e6 / r.requests(),
                r.generatorCores(), r.generatorMicrosPerRequest());
        if (r.firstError() != null) {
            out.println("    first wrong answer: " + r.firstError().replace("\r\n", " | "));
        }
    }

    /** A single measured fact (start-up seconds, memory), reported as the median of its values. */
    void fact(String name, double value) {
        facts.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        out.printf("  %s: %.3f%n", name, value);
    }

    /** The servers whose rows carry vodcert's ratio to them (vodcert ÷ peer). */
    static final List<String> PEERS = List.of("baseline", "nginx", "wiremock");

    /**
     * Medians over rounds, one row per server and (domains, connections). The ratio column: for a
     * peer, vodcert's requests per second divided by the peer's; for a row measured on PostgreSQL
     * (its name holds {@code " pg "}), that row divided by the same measure on H2 (the name before
     * {@code " pg "}); each the median of the per-round ratios.
     */
    String summary() {
        StringBuilder s = new StringBuilder();
        s.append("| domains | conns | server | req/s | ratio | p50 ms | p99 ms | p99.9 ms | errors "
                + "| server CPU us/req | generator cores | generator us/req |\n");
        s.append("|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, List<Run>> groups = new LinkedHashMap<>();
        for (Run run : runs) {
            groups.computeIfAbsent(run.domains() + "/" + run.connections(), k -> new ArrayList<>()).add(run);
        }
        for (List<Run> group : groups.values()) {
            Map<String, List<Run>> servers = new LinkedHashMap<>();
            group.forEach(r -> servers.computeIfAbsent(r.server(), k -> new ArrayList<>()).add(r));
            servers.forEach((server, svc) -> {
                long errors = svc.stream().mapToLong(r -> r.result().errors()).sum();
                s.append(String.format("| %d | %d | %s | %.0f | %s | %.2f | %.2f | %.2f | %d | %.1f | %.2f | %.1f |%n",
                        group.get(0).domains(), group.get(0).connections(), server,
                        median(svc, r -> r.result().requestsPerSecond()), ratio(server, servers),
                        median(svc, r -> r.result().p50Millis()), median(svc, r -> r.result().p99Millis()),
                        median(svc, r -> r.result().p999Millis()), errors,
                        median(svc, r -> r.serverCpuSeconds() * 1e6 / r.result().requests()),
                        median(svc, r -> r.result().generatorCores()),
                        median(svc, r -> r.result().generatorMicrosPerRequest())));
            });
        }
        s.append("\n| fact | median | values |\n|---|---:|---|\n");
        facts.forEach((name, values) -> s.append(String.format("| %s | %.3f | %s |%n", name, median(values),
                values.stream().map(v -> String.format("%.3f", v)).toList())));
        return s.toString();
    }

    private static String ratio(String server, Map<String, List<Run>> servers) {
        String numerator;
        String denominator;
        if (PEERS.contains(server)) {
            numerator = "vodcert";
            denominator = server;
        } else if (server.contains(" pg ")) {
            numerator = server;
            denominator = server.substring(0, server.indexOf(" pg "));
        } else {
            return "";
        }
        List<Run> top = servers.getOrDefault(numerator, List.of());
        List<Run> bottom = servers.getOrDefault(denominator, List.of());
        List<Double> ratios = new ArrayList<>();
        for (Run n : top) {
            bottom.stream().filter(d -> d.round() == n.round()).findFirst().ifPresent(d ->
                    ratios.add(n.result().requestsPerSecond() / d.result().requestsPerSecond()));
        }
        return ratios.isEmpty() ? "" : String.format("%.2f (%s ÷ %s)", median(ratios), numerator, denominator);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, summary());
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        List<Double> values = new ArrayList<>();
        runs.forEach(r -> values.add(value.applyAsDouble(r)));
        return median(values);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

package dev.vodcert.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load benchmark's settings, from {@code --name value} arguments; every default is here.
 *
 * @param jar          the service's jar, started with {@code java -jar}
 * @param work         where data folders, logs and the results file go
 * @param domains      stored-domain counts to measure, one server (and data folder) each
 * @param connections  concurrency levels, each measured every round
 * @param rounds       rounds per domain count; the report gives medians over them
 * @param requests     requests per measured run
 * @param warmup       requests sent to each fresh server before measuring (64 connections)
 * @param existing     share of requests that name a stored domain; the rest name unknown ones
 * @param threads      load generator threads
 * @param startups     how many times each start-up time is measured
 * @param jvmOptions   extra JVM options for the service (e.g. a flight recording)
 * @param reseed       seed data folders again even when a seeded one exists
 * @param histogram    print the service's heap summary and largest classes after the load (jcmd)
 * @param timedQuery   SQL run against each seeded database before the service starts, its time
 *                     reported (median of 3)
 * @param renewalScan  time the free-certificate lifecycle's scans ({@link RenewalScan}) on each
 *                     seeded database before the service starts
 * @param classArchive the jar's AppCDS archive (made by its {@code train} command), given to every
 *                     start of the service as the README's command does; empty for none. With one,
 *                     the empty-folder start is also measured without it (plain {@code java -jar})
 * @param scrape       time the operators' listener on each seeded service ({@link OperatorScrape}):
 *                     {@code /metrics} (size, first and later scrapes) and the console's pages
 * @param resolver     the name server the service's CNAME checks ask, on 127.0.0.1: {@code nxdomain}
 *                     ({@link NxDomainResolver}: every name does not exist, as a resolver would answer
 *                     for the seeded names) or {@code silent} (no server: every check times out and
 *                     is retried)
 * @param peers        the servers measured beside vodcert in the same rounds ({@link Peers}):
 *                     {@code baseline}, {@code nginx}, {@code wiremock}; {@code none} for none
 * @param wiremockJar  WireMock standalone's jar (the bench module's build copies it to target/peers)
 * @param store        {@code h2}, or {@code postgresql}: after the H2 measurements the same on a
 *                     throwaway PostgreSQL cluster ({@link PostgresPath})
 * @param nodes        on PostgreSQL: the node counts measured, each a set of service processes on one
 *                     database with the load spread over them
 * @param writes       domains of the write mix per round (each added, given a certificate, deleted);
 *                     0 for none
 */
record BenchOptions(Path jar, Path work, List<Integer> domains, List<Integer> connections, int rounds,
                    int requests, int warmup, double existing, int threads, int startups,
                    List<String> jvmOptions, boolean reseed, boolean histogram, String timedQuery,
                    boolean renewalScan, String classArchive, String resolver, boolean scrape, List<String> peers,
                    Path wiremockJar, String store, List<Integer> nodes, int writes) {

    static BenchOptions parse(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("jar", "target/vodcert.jar");
        o.put("work", "bench/target/work");
        o.put("domains", "1000");
        o.put("connections", "8,64,256");
        o.put("rounds", "3");
        o.put("requests", "100000");
        o.put("warmup", "100000");
        o.put("existing", "0.9");
        o.put("threads", "1");
        o.put("startups", "3");
        o.put("jvm-options", "");
        o.put("reseed", "false");
        o.put("histogram", "false");
        o.put("timed-query", "");
        o.put("renewal-scan", "true");
        o.put("class-archive", "");
        o.put("resolver", "nxdomain");
        o.put("scrape", "true");
        o.put("peers", "baseline,nginx,wiremock");
        o.put("wiremock-jar", "bench/target/peers/wiremock-standalone.jar");
        o.put("store", "h2");
        o.put("nodes", "1,2");
        o.put("writes", "5000");
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : args[i];
            if (!o.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                        + "; options: " + o.keySet());
            }
            o.put(name, args[++i]);
        }
        return new BenchOptions(Path.of(o.get("jar")), Path.of(o.get("work")), ints(o.get("domains")),
                ints(o.get("connections")), Integer.parseInt(o.get("rounds")), Integer.parseInt(o.get("requests")),
                Integer.parseInt(o.get("warmup")), Double.parseDouble(o.get("existing")),
                Integer.parseInt(o.get("threads")), Integer.parseInt(o.get("startups")),
                o.get("jvm-options").isBlank() ? List.of() : Arrays.asList(o.get("jvm-options").trim().split("\\s+")),
                Boolean.parseBoolean(o.get("reseed")), Boolean.parseBoolean(o.get("histogram")),
                o.get("timed-query"), Boolean.parseBoolean(o.get("renewal-scan")),
                o.get("class-archive"), resolver(o.get("resolver")), Boolean.parseBoolean(o.get("scrape")),
                o.get("peers").equals("none") ? List.of() : List.of(o.get("peers").split(",")),
                Path.of(o.get("wiremock-jar")), store(o.get("store")), ints(o.get("nodes")),
                Integer.parseInt(o.get("writes")));
    }

    private static String store(String value) {
        if (!value.equals("h2") && !value.equals("postgresql")) {
            throw new IllegalArgumentException("--store is h2 or postgresql, not " + value);
        }
        return value;
    }

    private static String resolver(String value) {
        if (!value.equals("nxdomain") && !value.equals("silent")) {
            throw new IllegalArgumentException("--resolver is nxdomain or silent, not " + value);
        }
        return value;
    }

    private static List<Integer> ints(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase();
            int scale = p.endsWith("m") ? 1_000_000 : p.endsWith("k") ? 1_000 : 1;
            out.add(Integer.parseInt(scale == 1 ? p : p.substring(0, p.length() - 1)) * scale);
        }
        return out;
    }
}

package dev.vodcert.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's promise, checked under the benchmark's conditions: a key disabled with {@code keys
 * disable} against the database is refused on the very next request on every node. A new key is
 * made with {@code keys create}, one signed describe on each node must be answered 200 with it, the
 * key is disabled, and then one signed describe on each node must get 400
 * {@code InvalidAccessKeyId.Inactive}. Each node's outcome is a fact (1 refused, 0 not); a node that
 * still answers is also printed loudly.
 */
final class DisabledKeyCheck {
    private DisabledKeyCheck() {
    }

    static void run(LoadBench bench, String url, String masterKey, int[] ports, String label) throws Exception {
        Path folder = bench.options.work().resolve("pg-" + bench.runId + "-keys");
        try {
            String created = cli(bench, folder, url, masterKey, "create");
            String id = value(created, "AccessKeyId=");
            String secret = value(created, "AccessKeySecret=");
            for (int port : ports) {
                int status = ask(bench, id, secret, port).status();
                if (status != 200) {
                    throw new IllegalStateException("a new key was not accepted on port " + port + ": " + status);
                }
            }
            cli(bench, folder, url, masterKey, "disable", id);
            for (int i = 0; i < ports.length; i++) {
                ServerProcess.Answer a = ask(bench, id, secret, ports[i]);
                boolean refused = a.status() == 400 && a.text().contains("InvalidAccessKeyId.Inactive");
                if (!refused) {
                    System.out.println("!! a disabled key was still accepted on node " + (i + 1) + ": " + a.text());
                }
                bench.report.fact("disabled key refused on the next request (1 yes), " + label + ", node " + (i + 1),
                        refused ? 1 : 0);
            }
        } finally {
            LoadBench.delete(folder);
        }
    }

    private static ServerProcess.Answer ask(LoadBench bench, String id, String secret, int port)
            throws java.io.IOException {
        Presigner signer = new Presigner(id, secret, port, bench.runId + "k" + System.nanoTime());
        return ServerProcess.answer(port, signer.request(Seeder.domainName(1),
                dev.vodcert.protocol.Timestamps.format(Instant.now())));
    }

    /** {@code java -jar vodcert.jar keys VERB [ID]} against the database; its output. */
    private static String cli(LoadBench bench, Path folder, String url, String masterKey, String... verb)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", bench.options.jar().toString(), "keys"));
        command.addAll(List.of(verb));
        command.addAll(List.of("--data", folder.toString(), "--jdbc-url", url, "--db-user", PostgresCluster.USER));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VODCERT_MASTER_KEY", masterKey);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private static String value(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + prefix + " in: " + output));
    }
}

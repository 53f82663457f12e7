package dev.vodcert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's packages ({@code initdb} and {@code pg_ctl} under
 * {@code /usr/lib/postgresql/VERSION/bin}): made in a folder of the run, listening on a free
 * 127.0.0.1 port only, trust authentication for its one role {@code vodcert}, Debian's default
 * settings otherwise; stopped and removed on close. PostgreSQL refuses to run as root, so as root
 * its commands run as the {@code postgres} user the package creates.
 */
final class PostgresCluster implements AutoCloseable {
    static final String USER = "vodcert";

    private final Path dir;
    private final Path bin;
    final int port;

    private PostgresCluster(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    static PostgresCluster start(Path folder) throws IOException, InterruptedException {
        Path dir = folder.toAbsolutePath();
        Path bin = binaries();
        Files.createDirectories(dir);
        int port = ServerProcess.freePort();
        PostgresCluster cluster = new PostgresCluster(dir, bin, port);
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        cluster.pg("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--no-sync");
        cluster.pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("postgres.log").toString(), "-w",
                "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + dir, "start");
        return cluster;
    }

    /** A new empty database, its JDBC URL returned. */
    String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /** CPU seconds used so far by the cluster's processes (the postmaster and its backends). */
    double cpuSeconds() throws IOException {
        String pid = Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim();
        return ProcessHandle.of(Long.parseLong(pid)).map(h -> {
            try {
                return ServerProcess.treeCpuSeconds(h);
            } catch (IOException e) {
                return 0.0;
            }
        }).orElse(0.0);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        throw new IllegalStateException("no /usr/lib/postgresql/*/bin/initdb: install Debian's postgresql "
                + "(bench/run.sh --store postgresql does)");
    }

    private void pg(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } finally {
            LoadBench.delete(dir);
        }
    }
}

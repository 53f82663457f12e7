package dev.vodcert;

import dev.vodcert.edge.EdgeServer;
import dev.vodcert.server.Config;
import dev.vodcert.server.Vodcert;
import dev.vodcert.store.Database;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vodcert edge}: an edge-only node. It opens the store the service writes (PostgreSQL, or an
 * H2 server; the embedded H2 file is the service's alone) and serves its certificates, with no API.
 */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = "Run only the HTTPS edge on the store of a vodcert service (same --jdbc-url and master key).")
final class EdgeCommand implements Callable<Integer> {
    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();
    @CommandLine.Mixin
    EdgeOptions edge = new EdgeOptions();
    @CommandLine.Mixin
    LimitsOptions limits = new LimitsOptions();

    @Override
    public Integer call() throws InterruptedException {
        Config config = store.config().withLimits(limits.limits());
        Database database = Vodcert.openDatabase(config);
        EdgeServer server;
        try {
            server = EdgeOptions.start(edge.config(true), config, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            database.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}

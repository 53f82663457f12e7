package dev.vodcert.server;

import dev.vodcert.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the embedded database's domain mirror in the background once the API is open: until it is
 * done, describe reads the names it has not mirrored yet from the database, so nothing waits on it.
 */
final class DomainMirrorLoad {
    private static final Logger LOG = LoggerFactory.getLogger(DomainMirrorLoad.class);

    private DomainMirrorLoad() {
    }

    static void start(Database database) {
        if (database.isShared()) {
            return;
        }
        Thread thread = new Thread(() -> {
            long began = System.nanoTime();
            try {
                int loaded = database.loadDomainMirror();
                LOG.info("Domain mirror loaded: {} domains in {} ms", loaded, (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Domain mirror not loaded ({}): describe keeps reading the database",
                        e.getClass().getSimpleName());
            }
        }, "vodcert-domain-mirror");
        thread.setDaemon(true);
        thread.start();
    }
}

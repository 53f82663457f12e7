package dev.vodcert.feed;

import dev.vodcert.testing.EdgeProcess;
import java.nio.file.Path;

/** HAProxy 2.6 (Debian's) with {@code crt-list certs/haproxy.crt-list strict-sni}, reloaded by {@code SIGUSR2}. */
class HaproxySyncTest extends EdgeSyncContract {

    @Override
    EdgeProcess start(Path work, Path certs) {
        return EdgeProcess.haproxy(work, certs);
    }
}

package dev.vodcert.feed;

import dev.vodcert.testing.EdgeProcess;
import java.nio.file.Path;
import java.util.List;

/**
 * nginx (Debian's) with {@code ssl_certificate certs/$vodcert_certificate.pem} and the sync's map:
 * its workers read the certificate at each handshake, so when the tests run as root they run as
 * {@value EdgeProcess#NGINX_WORKER_USER} and the sync hands them the files with {@code --owner}.
 */
class NginxSyncTest extends EdgeSyncContract {

    @Override
    EdgeProcess start(Path work, Path certs) {
        return EdgeProcess.nginx(work, certs);
    }

    @Override
    List<String> edgeOptions() {
        return EdgeProcess.runningAsRoot() ? List.of("--owner", EdgeProcess.NGINX_WORKER_USER) : List.of();
    }
}

package dev.vodcert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.EdgeProcess;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TlsProbe;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real edge server from Debian's packages kept current by {@code vodcert certs sync}: real
 * handshakes with SNI present the certificate set through the API, for a domain and for a name
 * under a wildcard domain; an unknown name is refused; a replacement through the API reaches the
 * next handshake after the next sync (one shot and {@code --watch}); a domain added is served after
 * the reload, one turned off is refused and its file removed; an unchanged feed runs no reload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EdgeSyncContract {
    /** How long an edge may take to pick up a reload (it is asynchronous in both servers). */
    static final Duration RELOAD = Duration.ofSeconds(15);

    final FeedFixture vod = new FeedFixture();

    /** Starts the edge on the sync's folder {@code certs} (which holds the sync's files already). */
    abstract EdgeProcess start(Path work, Path certs);

    /** The sync options this edge needs beyond {@code --out}, such as {@code --owner}. */
    List<String> edgeOptions() {
        return List.of();
    }

    @AfterAll
    void stopServer() throws Exception {
        vod.close();
    }

    @Test
    void theEdgePresentsWhatTheApiSetAndFollowsEachChange(@TempDir Path work) throws Exception {
        String site = vod.addDomain(FeedFixture.unique("site", "vodcert-test.com"));
        String parent = FeedFixture.unique("wild", "vodcert-test.com");
        String wildcard = vod.addDomain("*." + parent);
        Issued siteCert = TestCertificates.issue(site);
        Issued wildCert = TestCertificates.issue(wildcard);
        vod.setCertificate(site, siteCert);
        vod.setCertificate(wildcard, wildCert);
        Path certs = certsFolder(work);
        FeedFixture.Run first = vod.syncOk(args(certs, null));
        assertThat(first.out()).contains("changed");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.resolve(site + ".pem"))))
                .isEqualTo("rw-------");
        assertThat(certs.resolve("_wildcard." + parent + ".pem")).exists();

        try (EdgeProcess edge = start(work, certs)) {
            assertThat(TlsProbe.serial(edge.port(), site)).isEqualTo(serial(siteCert));
            assertThat(TlsProbe.serial(edge.port(), site.toUpperCase())).isEqualTo(serial(siteCert));
            assertThat(TlsProbe.serial(edge.port(), "video." + parent)).isEqualTo(serial(wildCert));
            assertThat(TlsProbe.awaitRefused(edge.port(), "unknown." + site, Duration.ZERO)).isTrue();

            Issued replaced = fresh(site);
            vod.setCertificate(site, replaced);
            FeedFixture.Run sync = vod.syncOk(args(certs, edge.reloadCommand()));
            assertThat(sync.out()).contains("ran ");
            assertThat(TlsProbe.awaitSerial(edge.port(), site, serial(replaced), RELOAD)).isEqualTo(serial(replaced));
            assertThat(TlsProbe.serial(edge.port(), "video." + parent)).isEqualTo(serial(wildCert));

            String added = vod.addDomain(FeedFixture.unique("added", "vodcert-test.com"));
            Issued addedCert = TestCertificates.issue(added);
            vod.setCertificate(added, addedCert);
            assertThat(TlsProbe.awaitRefused(edge.port(), added, Duration.ZERO)).isTrue();
            vod.syncOk(args(certs, edge.reloadCommand()));
            assertThat(TlsProbe.awaitSerial(edge.port(), added, serial(addedCert), RELOAD)).isEqualTo(serial(addedCert));

            vod.httpsOff(added);
            vod.syncOk(args(certs, edge.reloadCommand()));
            assertThat(certs.resolve(added + ".pem")).doesNotExist();
            assertThat(TlsProbe.awaitRefused(edge.port(), added, RELOAD)).isTrue();
            assertThat(TlsProbe.serial(edge.port(), site)).isEqualTo(serial(replaced));

            FeedFixture.Run unchanged = vod.syncOk(args(certs, "exit 3"));
            assertThat(unchanged.out()).contains("files unchanged").doesNotContain("ran ");
        }
    }

    @Test
    void withWatchAReplacementReachesTheEdgeWithoutAnotherCommand(@TempDir Path work) throws Exception {
        String site = vod.addDomain(FeedFixture.unique("watch", "vodcert-test.com"));
        Issued before = TestCertificates.issue(site);
        vod.setCertificate(site, before);
        Path certs = certsFolder(work);
        vod.syncOk(args(certs, null));
        try (EdgeProcess edge = start(work, certs)) {
            assertThat(TlsProbe.serial(edge.port(), site)).isEqualTo(serial(before));
            List<String> watch = new ArrayList<>(List.of(args(certs, edge.reloadCommand())));
            watch.addAll(List.of("--watch", "--interval", "1"));
            AtomicInteger exit = new AtomicInteger(-1);
            Thread watcher = new Thread(() -> exit.set(vod.sync(watch.toArray(String[]::new)).exit()), "certs-sync-watch");
            watcher.start();
            try {
                Issued after = fresh(site);
                vod.setCertificate(site, after);
                assertThat(TlsProbe.awaitSerial(edge.port(), site, serial(after), RELOAD)).isEqualTo(serial(after));
            } finally {
                watcher.interrupt();
                watcher.join(10_000);
            }
            assertThat(watcher.isAlive()).isFalse();
            assertThat(exit.get()).isZero();
        }
    }

    private String[] args(Path certs, String reload) {
        List<String> a = new ArrayList<>(List.of("--out", certs.toString()));
        if (reload != null) {
            a.addAll(List.of("--reload", reload));
        }
        a.addAll(edgeOptions());
        return a.toArray(String[]::new);
    }

    /** The sync's folder under the test's; when running as root, workers of another user may pass through it. */
    private static Path certsFolder(Path work) throws Exception {
        if (EdgeProcess.runningAsRoot()) {
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        }
        return work.resolve("certs");
    }

    private static Issued fresh(String domain) {
        return TestCertificates.certificate().key(TestCertificates.freshRsa(2048)).dns(domain).issue();
    }

    private static BigInteger serial(Issued cert) {
        return cert.cert().getSerialNumber();
    }
}

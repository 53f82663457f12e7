package dev.vodcert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certs sync} against a real node, without an edge: the folder it owns (modes, what it
 * removes and what it leaves), when the reload command runs (after a change, again after it
 * failed, never for nothing), and the options it refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncFolderTest {
    private final FeedFixture vod = new FeedFixture();

    @AfterAll
    void stop() throws Exception {
        vod.close();
    }

    @Test
    void theReloadRunsAfterAChangeAgainAfterItFailedAndNeverForNothing(@TempDir Path work) throws Exception {
        String site = vod.addDomain(FeedFixture.unique("reload", "vodcert-test.com"));
        vod.setCertificate(site, TestCertificates.issue(site));
        Path certs = work.resolve("certs");
        Path count = work.resolve("reloads");
        String reload = "echo reloaded >> " + count;

        FeedFixture.Run failed = vod.sync("--out", certs.toString(), "--reload", "echo no >&2; exit 3");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("exited with 3").contains("no");
        assertThat(certs.resolve(site + ".pem")).exists();

        assertThat(vod.syncOk("--out", certs.toString(), "--reload", reload).out()).contains("files unchanged")
                .contains("ran ");
        assertThat(Files.readAllLines(count)).hasSize(1);
        vod.syncOk("--out", certs.toString(), "--reload", reload);
        assertThat(Files.readAllLines(count)).hasSize(1);

        Issued next = TestCertificates.certificate().key(TestCertificates.freshRsa(2048)).dns(site).issue();
        vod.setCertificate(site, next);
        FeedFixture.Run changed = vod.syncOk("--out", certs.toString(), "--reload", reload);
        assertThat(Files.readAllLines(count)).hasSize(2);
        assertThat(Files.readString(certs.resolve(site + ".pem"))).startsWith(next.chainPem());
        assertThat(changed.out() + changed.err()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void theFolderHoldsTheServedDomainsOnlyAndLeavesOtherFilesAlone(@TempDir Path work) throws Exception {
        String site = vod.addDomain(FeedFixture.unique("folder", "vodcert-test.com"));
        vod.setCertificate(site, TestCertificates.issue(site));
        Path certs = work.resolve("certs");
        Files.createDirectories(certs);
        Files.writeString(certs.resolve("gone.vodcert-test.com.pem"), "a domain no longer served");
        Files.writeString(certs.resolve(".vodcert-123.tmp"), "left by a killed sync");
        Files.writeString(certs.resolve("README"), "the operator's");
        Files.writeString(certs.resolve("Not_a_domain.pem"), "the operator's");

        vod.syncOk("--out", certs.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs))).isEqualTo("rwx------");
        for (String name : new String[] {site + ".pem", EdgeFiles.NGINX_MAP, EdgeFiles.HAPROXY_CRT_LIST}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
        assertThat(certs.resolve("gone.vodcert-test.com.pem")).doesNotExist();
        assertThat(certs.resolve(".vodcert-123.tmp")).doesNotExist();
        assertThat(certs.resolve("README")).exists();
        assertThat(certs.resolve("Not_a_domain.pem")).exists();
        assertThat(Files.readString(certs.resolve(EdgeFiles.NGINX_MAP))).contains("    " + site + " " + site + ";");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsFetched(@TempDir Path work) {
        String out = work.resolve("certs").toString();
        FeedFixture.Run remote = vod.sync("--out", out, "--admin-url", "http://192.0.2.1:9402");
        assertThat(remote.exit()).isEqualTo(2);
        assertThat(remote.err()).contains("plain HTTP to a non-loopback host");
        assertThat(vod.sync("--out", out, "--watch", "--interval", "0").exit()).isEqualTo(2);
        FeedFixture.Run owner = vod.sync("--out", out, "--owner", "no-such-user-vodcert");
        assertThat(owner.exit()).isEqualTo(2);
        assertThat(work.resolve("certs")).doesNotExist();
    }
}

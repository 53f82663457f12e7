package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.server.AdminConfig;
import dev.vodcert.account.FirstKey;
import dev.vodcert.server.Config;
import dev.vodcert.server.Vodcert;
import dev.vodcert.store.Database;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets at rest: the database's own backups ({@code SCRIPT TO}, {@code BACKUP TO}) hold private
 * keys and AccessKey secrets only encrypted, while the public certificate is there in clear (so the
 * search would find a key if one were there); and the data folder and every file in it are readable
 * by their owner only, from the first start, and repaired on a later start.
 */
class SecretsAtRestTest extends ApiTestBase {

    @TempDir
    Path temp;

    @Test
    void backupsHoldPrivateKeysAndSecretsOnlyEncrypted() throws Exception {
        String domain = addDomain(uniqueDomain("backup"));
        Issued cert = TestCertificates.issue(domain);
        ok(setCertificate(domain, cert.chainPem(), cert.keyPemPkcs8()));
        Path script = temp.resolve("backup.sql");
        Path zip = temp.resolve("backup.zip");
        try (Connection c = DriverManager.getConnection(Database.h2Url(server.dataDir()));
             Statement s = c.createStatement()) {
            s.execute("SCRIPT TO '" + script + "'");
            s.execute("BACKUP TO '" + zip + "'");
        }
        assertHoldsNoSecret(Files.readString(script, StandardCharsets.UTF_8), cert);
        assertHoldsNoSecret(unzipped(zip), cert);
        assertThat(Files.readString(script)).contains("'v1:");
    }

    private void assertHoldsNoSecret(String text, Issued cert) {
        assertThat(text).as("the certificate is in clear").contains(cert.certPem().split("\n")[1]);
        assertThat(text).doesNotContain("PRIVATE KEY");
        String[] keyLines = cert.keyPemPkcs8().split("\n");
        for (int i = 1; i < keyLines.length - 1; i++) {
            assertThat(text).doesNotContain(keyLines[i]);
        }
        assertThat(text).doesNotContain(TestServer.ACCESS_KEY_SECRET).doesNotContain(server.otherKey().accessKeySecret());
    }

    private static String unzipped(Path zip) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                entries.transferTo(all);
            }
        }
        assertThat(all.size()).as("the backup has content").isGreaterThan(1000);
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void dataFolderAndEveryFileInItAreOwnerOnlyFromTheFirstStart() throws Exception {
        Path data = temp.resolve("fresh/data");
        try (Vodcert app = Vodcert.start(
                Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null)), Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true))) {
            assertOwnerOnly(data);
            assertThat(data.resolve("vodcert.mv.db")).exists();
            assertThat(data.resolve("master.key")).exists();
            assertThat(data.resolve(FirstKey.FILE)).exists();
        }
        assertOwnerOnly(data);
    }

    @Test
    void aLaterStartRepairsPermissionsOfAnOlderInstallation() throws Exception {
        Path data = temp.resolve("old");
        try (Vodcert app = Vodcert.start(
                Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null)).withAccessKey("id1", "secret-one-1"),
                Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true))) {
            assertThat(app.port()).isPositive();
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        try (Vodcert app = Vodcert.start(
                Config.defaults(data).withPort(0).withAdmin(new AdminConfig("127.0.0.1", 0, null)), Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true))) {
            assertOwnerOnly(data);
        }
    }

    private static void assertOwnerOnly(Path data) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> list = Files.list(data)) {
            files = list.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }
}

package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.vodcert.Main;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.issuance.LocalCa;
import dev.vodcert.certificate.MasterKeyFile;
import dev.vodcert.store.Database;
import dev.vodcert.store.EncryptedColumns;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Rotating the master key: {@code rotate-master-key} re-encrypts every stored private key and
 * AccessKey secret under a new key in one transaction and replaces {@code master.key}; afterwards
 * the service runs as before, and the old key opens nothing. A rotation cut short before or after
 * its commit is undone or finished by the next start; a start with a key that opens nothing stops
 * at once with a clear message; a key kept in {@code VODCERT_MASTER_KEY} rotates to the new key given.
 */
class MasterKeyRotationTest {
    private static final String ID = "rotation-key";
    private static final String SECRET = "rotation-secret-value";
    private static final String DOMAIN = "rotate.vodcert-test.com";

    @TempDir
    Path data;

    private Config config() {
        return Config.defaults(data).withPort(0).withAccessKey(ID, SECRET).withAdmin(new AdminConfig("127.0.0.1", 0, null));
    }

    private Vodcert start(Config config) {
        return Vodcert.start(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true));
    }

    /** A running service with a domain, an uploaded key and a second AccessKey, then stopped. */
    private void populate(Config config) {
        try (Vodcert app = start(config)) {
            SignedClient client = new SignedClient(app.port(), ID, SECRET);
            Issued cert = TestCertificates.issue(DOMAIN);
            assertThat(client.call("AddVodDomain", Map.of("DomainName", DOMAIN, "Sources",
                    "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]")).status()).isEqualTo(200);
            Map<String, String> upload = new LinkedHashMap<>();
            upload.put("DomainName", DOMAIN);
            upload.put("SSLProtocol", "on");
            upload.put("SSLPub", cert.chainPem());
            upload.put("SSLPri", cert.keyPemPkcs8());
            assertThat(client.call("SetVodDomainCertificate", upload).status()).isEqualTo(200);
        }
    }

    private void assertServes(Config config) {
        try (Vodcert app = start(config)) {
            SignedClient client = new SignedClient(app.port(), ID, SECRET);
            assertThat(client.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", DOMAIN)).status())
                    .isEqualTo(200);
            Issued next = TestCertificates.issue(DOMAIN);
            Map<String, String> upload = new LinkedHashMap<>();
            upload.put("DomainName", DOMAIN);
            upload.put("SSLProtocol", "on");
            upload.put("SSLPub", next.chainPem());
            upload.put("SSLPri", next.keyPemPkcs8());
            assertThat(client.call("SetVodDomainCertificate", upload).status()).isEqualTo(200);
        }
    }

    private List<String> encryptedValues() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(Database.h2Url(data)); Statement s = db.createStatement()) {
            for (String sql : new String[] {"SELECT secret_enc FROM access_key ORDER BY access_key_id",
                    "SELECT private_key_enc FROM certificate ORDER BY id"}) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                }
            }
        }
        return values;
    }

    private byte[] fileKey() throws Exception {
        return Base64.getDecoder().decode(Files.readString(data.resolve("master.key")).strip());
    }

    @Test
    void theCommandReEncryptsEverySecretUnderANewKeyAndTheServiceRunsOn() throws Exception {
        populate(config());
        byte[] oldKey = fileKey();
        List<String> before = encryptedValues();
        assertThat(before).hasSize(2);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = new CommandLine(new Main()).execute("rotate-master-key", "--data", data.toString());
        } finally {
            System.setOut(previous);
        }
        assertThat(status).as(out.toString()).isZero();
        byte[] newKey = fileKey();
        Transcript.secret(Base64.getEncoder().encodeToString(newKey));
        assertThat(out.toString()).contains("2 secrets re-encrypted").doesNotContain(Base64.getEncoder()
                .encodeToString(newKey)).doesNotContain(Base64.getEncoder().encodeToString(oldKey));
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(data.resolve("master.key.new")).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("master.key"))))
                .isEqualTo("rw-------");

        List<String> after = encryptedValues();
        KeyCipher oldCipher = new KeyCipher(oldKey);
        KeyCipher newCipher = new KeyCipher(newKey);
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i)).isNotEqualTo(before.get(i));
            assertThat(oldCipher.opens(after.get(i))).as("the old key opens nothing").isFalse();
            assertThat(newCipher.decrypt(after.get(i))).isEqualTo(oldCipher.decrypt(before.get(i)));
        }
        assertServes(config());
    }

    @Test
    void aRotationCutShortAfterItsCommitIsFinishedByTheNextStart() throws Exception {
        populate(config());
        KeyCipher old = new KeyCipher(fileKey());
        byte[] next = KeyCipher.newMasterKey();
        KeyCipher fresh = new KeyCipher(next);
        MasterKeyFile.writePending(data, next);
        LocalCa.writeRotated(LocalCa.folder(data), old, fresh);
        try (Database db = Vodcert.openDatabase(config())) {
            EncryptedColumns.rewrite(db.jdbi(), v -> fresh.encrypt(old.decrypt(v)));
        }
        assertServes(config());
        assertThat(fileKey()).isEqualTo(next);
        assertThat(data.resolve("master.key.new")).doesNotExist();
    }

    @Test
    void aRotationCutShortBeforeItsCommitIsUndoneByTheNextStart() throws Exception {
        populate(config());
        byte[] old = fileKey();
        MasterKeyFile.writePending(data, KeyCipher.newMasterKey());
        assertServes(config());
        assertThat(fileKey()).isEqualTo(old);
        assertThat(data.resolve("master.key.new")).doesNotExist();
    }

    @Test
    void aMasterKeyThatOpensNothingStopsTheStartWithAClearMessage() throws Exception {
        populate(config());
        Files.writeString(data.resolve("master.key"), Base64.getEncoder().encodeToString(KeyCipher.newMasterKey()));
        assertThatIllegalStateException().isThrownBy(() -> start(config()))
                .withMessageStartingWith("The master key does not open the secrets stored in the database");
    }

    @Test
    void aKeyKeptInTheEnvironmentRotatesToTheNewKeyGiven() throws Exception {
        String k1 = Base64.getEncoder().encodeToString(KeyCipher.newMasterKey());
        String k2 = Base64.getEncoder().encodeToString(KeyCipher.newMasterKey());
        Config withK1 = withMasterKey(config(), k1);
        populate(withK1);
        assertThat(data.resolve("master.key")).doesNotExist();
        try (Database db = Vodcert.openDatabase(withK1)) {
            MasterKeyRotation.Result result = MasterKeyRotation.rotate(withK1, db, k1, k2);
            assertThat(result.secrets()).isEqualTo(2);
            assertThat(result.keyInEnvironment()).isTrue();
        }
        assertServes(withMasterKey(config(), k2));
        assertThatIllegalStateException().isThrownBy(() -> start(withK1))
                .withMessageContaining("does not open the secrets");
        assertThat(data.resolve("master.key")).doesNotExist();
    }

    private static Config withMasterKey(Config c, String key) {
        return c.withMasterKey(key);
    }
}

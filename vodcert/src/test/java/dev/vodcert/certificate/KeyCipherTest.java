package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vodcert.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCipherTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    @Test
    void roundTripsAPrivateKeyPem() {
        String pem = TestCertificates.issue("example.com").keyPemPkcs8();
        KeyCipher cipher = new KeyCipher(key());
        String stored = cipher.encrypt(pem);
        assertThat(stored).startsWith("v1:").doesNotContain("PRIVATE KEY");
        assertThat(Base64.getDecoder().decode(stored.substring(3))).hasSize(12 + pem.length() + 16);
        assertThat(cipher.decrypt(stored)).isEqualTo(pem);
        assertThat(cipher.encrypt(pem)).isNotEqualTo(stored); // fresh IV each time
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
        assertThat(cipher.decrypt(cipher.encrypt("sécret ✓"))).isEqualTo("sécret ✓");
    }

    @Test
    void refusesTamperedText() {
        KeyCipher cipher = new KeyCipher(key());
        String stored = cipher.encrypt("secret value");
        byte[] blob = Base64.getDecoder().decode(stored.substring(3));
        blob[blob.length - 20] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(blob);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong master key, or the text was altered")
                .hasMessageNotContaining(tampered.substring(3, 20));
        assertThatThrownBy(() -> cipher.decrypt("v2:" + stored.substring(3))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in the v1 format");
        assertThatThrownBy(() -> cipher.decrypt("v1:***")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void refusesTheWrongKey() {
        byte[] right = key();
        String stored = new KeyCipher(right).encrypt("secret value");
        byte[] wrong = key();
        assertThatThrownBy(() -> new KeyCipher(wrong).decrypt(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong master key")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(wrong))
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(right));
        assertThatThrownBy(() -> new KeyCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void createsTheMasterKeyFileOwnerOnlyAndReusesIt(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        byte[] first = KeyCipher.loadOrCreateMasterKey(dataDir, null);
        Path file = dataDir.resolve("master.key");
        assertThat(first).hasSize(32);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first);
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyCipher.loadOrCreateMasterKey(dataDir, "")).isEqualTo(first);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void prefersTheConfiguredKey(@TempDir Path dir) {
        byte[] configured = key();
        String base64 = Base64.getEncoder().encodeToString(configured);
        assertThat(KeyCipher.loadOrCreateMasterKey(dir, " " + base64 + "\n")).isEqualTo(configured);
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void refusesABadConfiguredKeyWithoutEchoingIt(@TempDir Path dir) {
        String tooShort = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        for (String bad : new String[] {tooShort, "not base64 at all!"}) {
            assertThatThrownBy(() -> KeyCipher.loadOrCreateMasterKey(dir, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("VODCERT_MASTER_KEY")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void refusesACorruptKeyFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("master.key"), "c2hvcnQ=\n");
        assertThatThrownBy(() -> KeyCipher.loadOrCreateMasterKey(dir, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master.key").hasMessageNotContaining("c2hvcnQ=");
    }
}

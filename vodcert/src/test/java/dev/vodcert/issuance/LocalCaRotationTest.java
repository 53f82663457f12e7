package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local CA's key file follows a master-key rotation: written re-encrypted beside the current
 * one, promoted after the database committed, and settled by the next start whichever step a crash
 * interrupted (kept when the master key in use opens it, dropped otherwise).
 */
class LocalCaRotationTest {
    private final KeyCipher oldKey = new KeyCipher(KeyCipher.newMasterKey());
    private final KeyCipher newKey = new KeyCipher(KeyCipher.newMasterKey());
    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T00:00:00Z"));

    @TempDir
    Path data;

    @Test
    void aPromotedRotationOpensUnderTheNewKeyOnly() throws Exception {
        Path folder = LocalCa.folder(data);
        LocalCa before = LocalCa.loadOrCreate(folder, oldKey, clock);
        LocalCa.writeRotated(folder, oldKey, newKey);
        LocalCa.promoteRotated(folder);
        assertThat(folder.resolve(LocalCa.ROTATED_KEY_FILE)).doesNotExist();
        LocalCa after = LocalCa.loadOrCreate(folder, newKey, clock);
        assertThat(after.privateKey().getEncoded()).isEqualTo(before.privateKey().getEncoded());
        assertThat(after.certificate()).isEqualTo(before.certificate());
        assertThatThrownBy(() -> LocalCa.loadOrCreate(folder, oldKey, clock)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRotationCutShortAfterTheCommitIsFinishedByTheNextStartUnderTheNewKey() throws Exception {
        Path folder = LocalCa.folder(data);
        LocalCa before = LocalCa.loadOrCreate(folder, oldKey, clock);
        LocalCa.writeRotated(folder, oldKey, newKey);
        LocalCa after = LocalCa.loadOrCreate(folder, newKey, clock);
        assertThat(after.privateKey().getEncoded()).isEqualTo(before.privateKey().getEncoded());
        assertThat(folder.resolve(LocalCa.ROTATED_KEY_FILE)).doesNotExist();
    }

    @Test
    void aRotationCutShortBeforeTheCommitIsUndoneByTheNextStartUnderTheOldKey() throws Exception {
        Path folder = LocalCa.folder(data);
        LocalCa before = LocalCa.loadOrCreate(folder, oldKey, clock);
        LocalCa.writeRotated(folder, oldKey, newKey);
        LocalCa again = LocalCa.loadOrCreate(folder, oldKey, clock);
        assertThat(again.privateKey().getEncoded()).isEqualTo(before.privateKey().getEncoded());
        assertThat(folder.resolve(LocalCa.ROTATED_KEY_FILE)).doesNotExist();
        assertThat(Files.readString(folder.resolve(LocalCa.KEY_FILE)).strip()).satisfies(t -> assertThat(oldKey.opens(t)).isTrue());
    }

    @Test
    void aNodeWithoutALocalCaHasNothingToRotate() throws Exception {
        LocalCa.writeRotated(LocalCa.folder(data), oldKey, newKey);
        LocalCa.promoteRotated(LocalCa.folder(data));
        assertThat(LocalCa.folder(data)).doesNotExist();
    }
}

package dev.vodcert.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test servers leave nothing in the system temp directory once closed. */
class TempFoldersTest {

    @Test
    void aClosedTestServerLeavesNoDataFolder() {
        Path dataDir;
        try (TestServer server = new TestServer()) {
            dataDir = server.dataDir();
            assertThat(dataDir).isDirectory();
            assertThat(dataDir.resolve("master.key")).exists();
        }
        assertThat(Files.exists(dataDir)).isFalse();
    }

    @Test
    void aDeletedFolderIsGoneWithEverythingInIt() throws Exception {
        Path dir = TempFolders.create("vodcert-temp-folders");
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/c.txt"), "x");

        TempFolders.delete(dir);

        assertThat(Files.exists(dir)).isFalse();
    }
}

package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * {@value CurrentSchema#LIST} (what a start compares the schema history with, to skip Flyway) says
 * exactly what Flyway resolves from {@code db/migration}: every migration, in order, with its
 * checksum. When a migration is added or edited, this fails and prints the file's right content.
 */
class MigrationListTest {
    @Test
    void theListIsWhatFlywayResolvesFromTheMigrationFolder() {
        Flyway flyway = Flyway.configure().dataSource("jdbc:h2:mem:list-" + UUID.randomUUID(), null, null)
                .locations("classpath:db/migration").load();
        List<CurrentSchema.Migration> resolved = Arrays.stream(flyway.info().all())
                .map(m -> new CurrentSchema.Migration(m.getVersion().getVersion(), m.getScript(), m.getChecksum()))
                .toList();

        assertThat(CurrentSchema.shipped())
                .as("src/main/resources/" + CurrentSchema.LIST + " should list, after its comment lines:%n%s",
                        resolved.stream().map(CurrentSchema.Migration::line).collect(Collectors.joining("\n")))
                .isEqualTo(resolved);
    }

    @Test
    void everyFileOfTheMigrationFolderIsListed() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("src/main/resources/db/migration"))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(CurrentSchema.shipped()).map(CurrentSchema.Migration::script).containsExactlyInAnyOrderElementsOf(files);
    }
}

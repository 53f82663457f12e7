package dev.vodcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run of the class archive ({@link TrainCommand}), as the build runs it: in a child JVM
 * under {@code -XX:ArchiveClassesAtExit}, it answers its signed request (exit 0), leaves no data
 * folder behind, and the archive it writes is one a later JVM maps. CDS archives classes from jars
 * only, so the child runs vodcert's classes from a jar made of the build's class folder.
 */
class TrainCommandTest {
    @TempDir
    Path dir;

    private String classPath() throws Exception {
        Path jar = dir.resolve("vodcert-classes.jar");
        if (!Files.exists(jar)) {
            Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(classes)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private ProcessBuilder java(Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    }

    private static int run(ProcessBuilder builder) throws Exception {
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return p.exitValue();
    }

    @Test
    void trainsOnAThrowawayFolderAndWritesAnArchiveALaterStartMaps() throws Exception {
        Path archive = dir.resolve("vodcert.jsa");
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Path out = dir.resolve("train.txt");

        int exit = run(java(out, "-Djava.io.tmpdir=" + temp, "-XX:ArchiveClassesAtExit=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", Main.class.getName(), "train"));

        assertThat(exit).as(Files.readString(out)).isZero();
        assertThat(Files.readString(out)).contains("API open").doesNotContain("Exception");
        assertThat(temp.toFile().list()).as("the throwaway data folder is gone").isEmpty();
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);

        Path mapped = dir.resolve("mapped.txt");
        assertThat(run(java(mapped, "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:class+load",
                Main.class.getName(), "--version"))).as(Files.readString(mapped)).isZero();
        assertThat(Files.readString(mapped)).contains("dev.vodcert.Main source: shared objects file (top)");
    }
}

package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * H2's value interning is off once vodcert's {@link Database} is loaded, unless the command line
 * says otherwise. Each case runs in a fresh JVM: H2 reads the property once, when its classes load,
 * and this test JVM has loaded them long before.
 */
class H2SettingsTest {
    /** Prints H2's {@code OBJECT_CACHE} as H2 itself read it, after loading {@link Database} or not. */
    public static final class Probe {
        public static void main(String[] args) {
            if (args.length > 0 && args[0].equals("database")) {
                Database.h2Url(Path.of("unused"));
            }
            System.out.print(org.h2.engine.SysProperties.OBJECT_CACHE);
        }
    }

    @Test
    void databaseTurnsH2ValueInterningOff() throws Exception {
        assertThat(probe(null, "database")).isEqualTo("false");
    }

    @Test
    void withoutDatabaseH2InternsValues() throws Exception {
        assertThat(probe(null, "plain")).as("H2's own default, the one Database changes").isEqualTo("true");
    }

    @Test
    void aValueGivenOnTheCommandLineIsKept() throws Exception {
        assertThat(probe("-Dh2.objectCache=true", "database")).isEqualTo("true");
    }

    private static String probe(String option, String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        if (option != null) {
            command.add(option);
        }
        command.addAll(List.of(Probe.class.getName(), mode));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            return out;
        } finally {
            process.destroyForcibly();
        }
    }
}

package dev.vodcert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The facts about the machine that every benchmark result must carry. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return "date: " + Instant.now() + "\ncpus: " + Runtime.getRuntime().availableProcessors()
                + "\ncpu: " + first("/proc/cpuinfo", "model name") + "\nmemory: " + first("/proc/meminfo", "MemTotal")
                + "\njvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "\nload: " + read("/proc/loadavg");
    }

    private static String first(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}

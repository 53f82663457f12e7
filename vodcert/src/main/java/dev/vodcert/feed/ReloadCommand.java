package dev.vodcert.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The operator's reload command ({@code nginx -s reload}, {@code systemctl reload haproxy}), run
 * through {@code /bin/sh -c} so that it may hold arguments, pipes or {@code $(...)}. A command that
 * exits non-zero, or runs longer than {@value #TIMEOUT_SECONDS} seconds, fails with its output.
 */
final class ReloadCommand {
    static final int TIMEOUT_SECONDS = 120;

    private final String command;

    ReloadCommand(String command) {
        this.command = command;
    }

    void run() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] output;
        try {
            output = p.getInputStream().readNBytes(64 * 1024);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the reload command '" + command + "' ran longer than " + TIMEOUT_SECONDS + " s");
            }
        } finally {
            p.destroyForcibly();
        }
        if (p.exitValue() != 0) {
            throw new IOException("the reload command '" + command + "' exited with " + p.exitValue() + ": "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
    }

    @Override
    public String toString() {
        return command;
    }
}

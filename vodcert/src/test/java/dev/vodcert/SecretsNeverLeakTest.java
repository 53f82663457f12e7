package dev.vodcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vodcert.testing.RunLast;
import dev.vodcert.testing.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The last test of the run ({@link RunLast}): no private key the tests made (any base64 line of its
 * PEM), no AccessKey secret and no master key appears in any response body a test client received
 * or in any log line of the whole run, as recorded by the {@link Transcript}. Skipped when the run
 * was too small to mean anything (a single class run on its own).
 */
@RunLast
class SecretsNeverLeakTest {
    /** Secrets are found through their first characters, then compared whole. */
    private static final int PREFIX = 8;

    @Test
    void noSecretInAnyResponseOrLogLine() {
        assumeTrue(Transcript.responseCount() >= 1000, "needs the full suite before it");
        List<String> secrets = Transcript.secrets();
        List<String> responses = Transcript.responses();
        List<String> logs = Transcript.logLines();
        assertThat(secrets).as("secrets the run made").hasSizeGreaterThan(50);
        assertThat(responses).as("the transcript sees certificates in answers, so it would see keys")
                .anySatisfy(r -> assertThat(r).contains("BEGIN CERTIFICATE"));

        List<String> leaks = leaks(secrets, responses, logs);
        assertThat(leaks).as("%d responses and %d log lines searched for %d secrets", responses.size(), logs.size(),
                secrets.size()).isEmpty();
    }

    @Test
    void theSearchFindsAKeyLineHiddenInAJsonBodyOrALogLine() {
        String keyLine = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";
        List<String> found = leaks(List.of("unrelated-secret-1", keyLine),
                List.of("{\"Message\":\"-----BEGIN PRIVATE KEY-----\\n" + keyLine + "\\n...\"}"),
                List.of("a log line without it", "x" + "unrelated-secret-1"));
        assertThat(found).hasSize(2);
        assertThat(leaks(List.of(keyLine), List.of(keyLine.substring(1)), List.of())).isEmpty();
    }

    static List<String> leaks(List<String> secrets, List<String> responses, List<String> logs) {
        Map<String, List<String>> byPrefix = new HashMap<>();
        for (String secret : secrets) {
            byPrefix.computeIfAbsent(secret.substring(0, PREFIX), k -> new ArrayList<>()).add(secret);
        }
        List<String> leaks = new ArrayList<>();
        scan(responses, "response", byPrefix, leaks);
        scan(logs, "log line", byPrefix, leaks);
        return leaks;
    }

    private static void scan(List<String> texts, String kind, Map<String, List<String>> byPrefix, List<String> leaks) {
        for (String text : texts) {
            for (int i = 0; i + PREFIX <= text.length(); i++) {
                List<String> candidates = byPrefix.get(text.substring(i, i + PREFIX));
                if (candidates == null) {
                    continue;
                }
                for (String secret : candidates) {
                    if (text.startsWith(secret, i)) {
                        leaks.add("a " + kind + " holds a secret of " + secret.length() + " characters at " + i
                                + ": " + text.substring(0, Math.min(i, 120)).replace('\n', ' ') + "...");
                    }
                }
            }
        }
    }
}

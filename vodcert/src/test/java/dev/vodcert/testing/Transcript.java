package dev.vodcert.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * What a test run showed the outside world, and what it must never show: every HTTP response body
 * the test clients received ({@link SignedClient}, {@link Load}, the SDK helpers), every log line
 * (installed for the whole run by {@link TranscriptSession}), and every secret the tests made or
 * used (private keys as their PEM body lines, AccessKey secrets, master keys). The last test of the
 * run ({@code dev.vodcert.SecretsNeverLeakTest}) looks for each secret in each text. Bodies are kept
 * once each, with RequestIds blanked, so a load test's thousands of like answers cost one entry.
 */
public final class Transcript {
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    /** PEM body lines shorter than this are too short to be told from chance. */
    private static final int MIN_LINE = 16;
    private static final Set<String> RESPONSES = ConcurrentHashMap.newKeySet();
    private static final Set<String> LOG_LINES = ConcurrentHashMap.newKeySet();
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final AtomicLong RESPONSE_COUNT = new AtomicLong();

    private Transcript() {
    }

    public static void response(String body) {
        if (body != null && !body.isEmpty()) {
            RESPONSE_COUNT.incrementAndGet();
            RESPONSES.add(REQUEST_ID.matcher(body).replaceAll("-"));
        }
    }

    public static void logLine(String line) {
        LOG_LINES.add(line);
    }

    /** A secret to look for whole: an AccessKey secret, a master key. */
    public static void secret(String secret) {
        if (secret != null && secret.length() >= 8) {
            SECRETS.add(secret);
        }
    }

    /** A private key PEM: each base64 line of each PRIVATE KEY block is a secret. */
    public static void privateKey(String pem) {
        boolean inKey = false;
        for (String line : pem.split("\r?\n")) {
            if (line.startsWith("-----BEGIN ")) {
                inKey = line.contains("PRIVATE KEY");
            } else if (line.startsWith("-----END ")) {
                inKey = false;
            } else if (inKey && line.length() >= MIN_LINE && !line.contains(":")) {
                SECRETS.add(line.strip());
            }
        }
    }

    public static long responseCount() {
        return RESPONSE_COUNT.get();
    }

    public static List<String> responses() {
        return new ArrayList<>(RESPONSES);
    }

    public static List<String> logLines() {
        return new ArrayList<>(LOG_LINES);
    }

    public static List<String> secrets() {
        return new ArrayList<>(SECRETS);
    }
}

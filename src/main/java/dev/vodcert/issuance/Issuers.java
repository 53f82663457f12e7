package dev.vodcert.issuance;

import dev.vodcert.certificate.KeyCipher;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Chooses the {@link Issuer} the configuration names: {@value #LOCAL_CA} (the default; the built-in
 * {@link LocalCaIssuer}) or {@value #ACME} (an ACME CA at a configured directory URL).
 */
public final class Issuers {
    public static final String LOCAL_CA = "local-ca";
    public static final String ACME = "acme";

    private Issuers() {
    }

    /** What an issuer may need from the server. */
    public record Context(Path dataDir, KeyCipher cipher, Clock clock, String acmeDirectory, AcmeMetrics metrics) {
    }

    public static Issuer create(String kind, Context context) {
        return switch (kind) {
            case LOCAL_CA -> LocalCaIssuer.inDataFolder(context.dataDir(), context.cipher(), context.clock());
            case ACME -> acme(context);
            default -> throw new IllegalArgumentException("--issuer must be " + LOCAL_CA + " or " + ACME + ", not " + kind);
        };
    }

    /** The ACME issuer against {@code context.acmeDirectory()}; its client lands with the ACME work. */
    private static Issuer acme(Context context) {
        throw new IllegalArgumentException("--issuer " + ACME + " (directory " + context.acmeDirectory()
                + ") is not available in this build; use --issuer " + LOCAL_CA);
    }
}

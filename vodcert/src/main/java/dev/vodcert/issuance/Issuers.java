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
    /** @param acmeIssuer the ACME client built from {@code --acme-*}, or null when no directory is configured */
    public record Context(Path dataDir, KeyCipher cipher, Clock clock, String acmeDirectory, AcmeMetrics metrics,
                          Issuer acmeIssuer) {
    }

    public static Issuer create(String kind, Context context) {
        return switch (kind) {
            case LOCAL_CA -> LocalCaIssuer.inDataFolder(context.dataDir(), context.cipher(), context.clock());
            case ACME -> acme(context);
            default -> throw new IllegalArgumentException("--issuer must be " + LOCAL_CA + " or " + ACME + ", not " + kind);
        };
    }

    /** The ACME issuer against {@code context.acmeDirectory()}. */
    private static Issuer acme(Context context) {
        if (context.acmeIssuer() == null) {
            throw new IllegalArgumentException("--issuer " + ACME + " needs --acme-directory (the CA's directory URL)");
        }
        return context.acmeIssuer();
    }
}

package dev.vodcert;

import dev.vodcert.issuance.AcmeSettings;
import dev.vodcert.issuance.DomainKeyType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code serve} options of the ACME issuer and its HTTP-01 listener; no directory means no ACME. */
final class AcmeOptions {
    @Option(names = "--acme-directory", defaultValue = "${env:VODCERT_ACME_DIRECTORY}",
            description = "ACME CA: https:// directory URL or acme://letsencrypt.org (staging: "
                    + "acme://letsencrypt.org/staging). Unset: no ACME issuer. Env VODCERT_ACME_DIRECTORY.")
    String directory;
    @Option(names = "--acme-email", defaultValue = "${env:VODCERT_ACME_EMAIL}",
            description = "Contact address of the ACME account (optional). Env VODCERT_ACME_EMAIL.")
    String email;
    @Option(names = "--acme-trust-store", description = "PEM file (or PKCS#12/JKS store, password in env "
            + "VODCERT_ACME_TRUST_STORE_PASSWORD) of the CAs to trust for a private ACME server's HTTPS.")
    Path trustStore;
    @Option(names = "--acme-key-type", defaultValue = "ec-p256",
            description = "Key of each issued certificate: ec-p256 or rsa-2048 (default ${DEFAULT-VALUE}).")
    String keyType;
    @Option(names = "--http01-host", defaultValue = "0.0.0.0",
            description = "Address of the HTTP-01 challenge listener (default ${DEFAULT-VALUE}).")
    String http01Host;
    @Option(names = "--http01-port", defaultValue = "80",
            description = "Port of the HTTP-01 challenge listener; the CA connects on 80 (default ${DEFAULT-VALUE}; "
                    + "0 disables it).")
    int http01Port;

    /** The settings, or null when no directory is given; bad values fail here, naming the option. */
    AcmeSettings settings() {
        if (Main.emptyToNull(directory) == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(directory.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--acme-directory is not a URI: '" + directory + "'");
        }
        return AcmeSettings.of(uri).withEmail(Main.emptyToNull(email)).withKeyType(DomainKeyType.of(keyType))
                .withTrustStore(trustStore, Main.emptyToNull(System.getenv("VODCERT_ACME_TRUST_STORE_PASSWORD")));
    }
}

package dev.vodcert.issuance;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the ACME issuer reaches its CA, checked when built (each message names its flag).
 *
 * @param directory the CA: an {@code https://} directory URL, or an acme4j URI such as
 *     {@code acme://letsencrypt.org} (production), {@code acme://letsencrypt.org/staging} or
 *     {@code acme://pebble/127.0.0.1:14000}
 * @param email the account's contact address, or null for none
 * @param trustStore CA certificates to trust for the ACME server's HTTPS instead of the defaults (a
 *     PEM file, or a PKCS#12/JKS key store), for a private ACME CA; null for the JDK's trust
 * @param trustStorePassword the key store's password, or null (PEM files need none)
 * @param keyType the key generated for each certificate
 * @param networkTimeout the longest wait for one HTTP exchange with the CA
 * @param orderTimeout the longest one issuance may take, validation and finalization included
 */
public record AcmeSettings(URI directory, String email, Path trustStore, String trustStorePassword,
        DomainKeyType keyType, Duration networkTimeout, Duration orderTimeout) {

    /** The default {@code networkTimeout}. */
    public static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);
    /** The default {@code orderTimeout}. */
    public static final Duration ORDER_TIMEOUT = Duration.ofMinutes(5);

    public AcmeSettings {
        Objects.requireNonNull(directory, "--acme-directory");
        String scheme = directory.getScheme() == null ? "" : directory.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("acme")) {
            throw new IllegalArgumentException("--acme-directory must be an https:// directory URL or an acme:// URI"
                    + " (e.g. acme://letsencrypt.org), got '" + directory + "'");
        }
        if (email != null && (email.isBlank() || !email.contains("@") || email.contains(" "))) {
            throw new IllegalArgumentException("--acme-email must be an e-mail address, got '" + email + "'");
        }
        Objects.requireNonNull(keyType, "--acme-key-type");
        if (networkTimeout == null || networkTimeout.isNegative() || networkTimeout.isZero()) {
            throw new IllegalArgumentException("the ACME network timeout must be positive");
        }
        if (orderTimeout == null || orderTimeout.isNegative() || orderTimeout.isZero()) {
            throw new IllegalArgumentException("the ACME order timeout must be positive");
        }
    }

    /** A directory with every other setting at its default: no e-mail, the JDK's trust, EC P-256. */
    public static AcmeSettings of(URI directory) {
        return new AcmeSettings(directory, null, null, null, DomainKeyType.EC_P256, NETWORK_TIMEOUT, ORDER_TIMEOUT);
    }

    public AcmeSettings withTrustStore(Path file, String password) {
        return new AcmeSettings(directory, email, file, password, keyType, networkTimeout, orderTimeout);
    }

    public AcmeSettings withEmail(String address) {
        return new AcmeSettings(directory, address, trustStore, trustStorePassword, keyType, networkTimeout,
                orderTimeout);
    }

    public AcmeSettings withKeyType(DomainKeyType type) {
        return new AcmeSettings(directory, email, trustStore, trustStorePassword, type, networkTimeout, orderTimeout);
    }

    public AcmeSettings withTimeouts(Duration network, Duration order) {
        return new AcmeSettings(directory, email, trustStore, trustStorePassword, keyType, network, order);
    }

    @Override
    public String toString() {
        return "AcmeSettings[directory=" + directory + ", email=" + email + ", trustStore="
                + (trustStore == null ? "(default)" : trustStore) + ", trustStorePassword="
                + (trustStorePassword == null ? "-" : "***") + ", keyType=" + keyType.setting()
                + ", networkTimeout=" + networkTimeout + ", orderTimeout=" + orderTimeout + "]";
    }
}

package dev.vodcert.issuance;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kind of key generated for each issued certificate: EC P-256 by default (small, fast, accepted
 * everywhere that matters), RSA 2048 for clients that still need RSA. A fresh key per certificate.
 */
public enum DomainKeyType {
    EC_P256("ec-p256"),
    RSA_2048("rsa-2048");

    private final String setting;

    DomainKeyType(String setting) {
        this.setting = setting;
    }

    /** The configuration value, e.g. {@code ec-p256}. */
    public String setting() {
        return setting;
    }

    /** @throws IllegalArgumentException naming the accepted values when {@code value} is none of them */
    public static DomainKeyType of(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.setting.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--acme-key-type must be one of "
                        + Arrays.stream(values()).map(DomainKeyType::setting).collect(Collectors.joining(", "))
                        + ", got '" + value + "'"));
    }

    public KeyPair generate() {
        return this == EC_P256 ? KeyPairs.ecP256() : KeyPairs.rsa(2048);
    }
}

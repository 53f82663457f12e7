package dev.vodcert.protocol;

/**
 * What the protocol needs to know of an AccessKey to check a signature: its secret, whether it is
 * enabled, and the account it acts for. {@link #toString()} never shows the secret.
 */
public record Credential(String accessKeyId, String secret, long accountId, boolean enabled) {
    @Override
    public String toString() {
        return "Credential[" + accessKeyId + ", account " + accountId + (enabled ? "" : ", disabled") + "]";
    }
}

package dev.vodcert.server;

/**
 * The secrets given from the environment, never printed.
 *
 * @param masterKey       base64 of 32 bytes ({@code VODCERT_MASTER_KEY}), or null to use or generate
 *                        {@code master.key} in the data folder
 * @param accessKeyId     the first AccessKey to create when missing ({@code VODCERT_ACCESS_KEY_ID}), or null
 * @param accessKeySecret its secret ({@code VODCERT_ACCESS_KEY_SECRET})
 */
public record SecretsConfig(String masterKey, String accessKeyId, String accessKeySecret) {
    public static final SecretsConfig NONE = new SecretsConfig(null, null, null);

    public SecretsConfig withMasterKey(String base64) {
        return new SecretsConfig(base64, accessKeyId, accessKeySecret);
    }

    public SecretsConfig withAccessKey(String id, String secret) {
        return new SecretsConfig(masterKey, id, secret);
    }

    @Override
    public String toString() {
        return "secrets[masterKey=" + (masterKey == null ? "(file)" : "***") + ", accessKeyId="
                + (accessKeyId == null ? "-" : accessKeyId) + ", accessKeySecret="
                + (accessKeySecret == null ? "-" : "***") + "]";
    }
}

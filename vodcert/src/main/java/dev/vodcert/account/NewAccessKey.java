package dev.vodcert.account;

/** A freshly made AccessKey, the one moment its secret is shown. {@link #toString()} masks the secret. */
public record NewAccessKey(long accountId, String accessKeyId, String accessKeySecret) {
    @Override
    public String toString() {
        return "NewAccessKey[" + accessKeyId + ", account " + accountId + "]";
    }
}

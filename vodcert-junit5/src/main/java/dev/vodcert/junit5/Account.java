package dev.vodcert.junit5;

/**
 * An account of the running vodcert and its AccessKey, as the SDKs take it.
 * {@link #toString()} leaves the secret out.
 */
public record Account(String name, String accessKeyId, String accessKeySecret) {
    @Override
    public String toString() {
        return "Account[" + name + ", " + accessKeyId + "]";
    }
}

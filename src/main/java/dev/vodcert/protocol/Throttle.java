package dev.vodcert.protocol;

/**
 * Per-AccessKey flow control: {@link #acquire(String)} returns when a request may run and throws
 * {@code Throttling.User} when the key is over its rate. {@link #NONE} lets everything through.
 */
@FunctionalInterface
public interface Throttle {
    Throttle NONE = accessKeyId -> {
    };

    void acquire(String accessKeyId);
}

package dev.vodcert.protocol;

/**
 * Flow control after authentication: {@link #acquire} returns when a request may run and throws
 * {@code Throttling.User} when its caller is over the rate. Only verified callers reach it, so a
 * stranger cannot spend someone else's allowance. {@link #NONE} lets everything through.
 */
@FunctionalInterface
public interface Throttle {
    Throttle NONE = (principal, action) -> {
    };

    void acquire(Principal principal, String action);
}

package dev.vodcert.protocol;

/**
 * One entry of an error catalogue: the wire {@code Code}, the HTTP status it travels with, and the
 * default {@code Message}. Catalogues are plain classes of constants ({@link GatewayErrors} here,
 * the product's own elsewhere); the protocol renders any of them the same way.
 */
public record ErrorCode(String code, int httpStatus, String message) {

    /** An exception carrying this code and its default message. */
    public ApiException exception() {
        return new ApiException(this, message);
    }

    /** An exception carrying this code and a message that says what exactly was wrong. */
    public ApiException exception(String detail) {
        return new ApiException(this, detail);
    }
}

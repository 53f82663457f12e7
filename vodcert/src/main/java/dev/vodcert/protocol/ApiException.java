package dev.vodcert.protocol;

/**
 * The one error type of the service: thrown anywhere, rendered once into the JSON or XML error
 * envelope. Its message is wire contract and must never carry secrets or a parser's raw text.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode errorCode;

    public ApiException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public String code() {
        return errorCode.code();
    }

    public int httpStatus() {
        return errorCode.httpStatus();
    }
}

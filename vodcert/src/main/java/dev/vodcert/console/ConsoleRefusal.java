package dev.vodcert.console;

/** A console request refused with an HTTP status and a message for the operator (shown as a page). */
final class ConsoleRefusal extends RuntimeException {
    private final int status;

    ConsoleRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}

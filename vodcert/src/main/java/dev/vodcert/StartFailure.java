package dev.vodcert;

import dev.vodcert.store.DatabaseStartException;
import java.io.UncheckedIOException;

/**
 * Why the service could not start, as one line for the console: the message of a failure vodcert
 * itself raised (bad configuration, unusable database, port taken), or the kind of an unexpected
 * one. Never a stack trace, and never more than the first line of a message.
 */
final class StartFailure {
    private StartFailure() {
    }

    static String oneLine(Throwable e) {
        String text;
        if (e instanceof DatabaseStartException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            text = e.getMessage();
        } else if (e instanceof UncheckedIOException io) {
            text = io.getMessage() + (io.getCause() != null ? ": " + io.getCause().getMessage() : "");
        } else {
            text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (text == null || text.isBlank()) {
            text = e.getClass().getSimpleName();
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}

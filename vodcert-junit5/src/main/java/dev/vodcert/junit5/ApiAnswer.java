package dev.vodcert.junit5;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer of the API to a call made through {@link VodcertHandle#call}: the HTTP status and the
 * JSON body ({@code Code} and {@code Message} on an error).
 */
public record ApiAnswer(int status, JsonNode body) {

    /** The error's {@code Code}, or "" on success. */
    public String code() {
        return status == 200 ? "" : body.path("Code").asText();
    }

    /**
     * The answer when it is a success.
     *
     * @throws IllegalStateException naming the status, code and message otherwise
     */
    public ApiAnswer requireOk() {
        if (status != 200) {
            throw new IllegalStateException("vodcert answered " + status + " " + code() + ": "
                    + body.path("Message").asText());
        }
        return this;
    }
}

package dev.vodcert.protocol;

/**
 * Told of each request the pipeline answers, for metrics. {@code action} is the name of a
 * registered action, or {@link #UNKNOWN_ACTION} for any other (a name nobody registered, none at
 * all, a request refused before its action was read), so that what a caller writes never becomes
 * a new label. Called on the request thread: an implementation must be cheap and never throw.
 */
public interface RequestObserver {
    /** The action of a request whose action is not a registered one. */
    String UNKNOWN_ACTION = "unknown";

    RequestObserver NONE = new RequestObserver() {
        @Override
        public void started() {
        }

        @Override
        public void finished(String action, int status, String code, long nanos) {
        }
    };

    /** A request entered the pipeline. */
    void started();

    /**
     * It was answered.
     *
     * @param code the error's {@code Code}, or {@code null} for a success
     * @param nanos how long the pipeline took
     */
    void finished(String action, int status, String code, long nanos);
}

package dev.vodcert.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests the full request queue refused ({@code ServiceUnavailable} from Jetty, before
 * the pipeline saw them), counted where Jetty renders the refusal. One count per process: a
 * process runs one service (tests that run several read it as a difference).
 */
final class QueueRefusals {
    private static final LongAdder REFUSED = new LongAdder();

    private QueueRefusals() {
    }

    static void refused() {
        REFUSED.increment();
    }

    static double count() {
        return REFUSED.sum();
    }
}

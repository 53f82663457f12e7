package dev.vodcert.server;

import org.slf4j.LoggerFactory;

/** A child JVM's main for {@link LoggingSetupTest}: logs one line at INFO and one Jetty line at INFO. */
final class LoggingProbe {
    private LoggingProbe() {
    }

    public static void main(String[] args) {
        LoggerFactory.getLogger(LoggingProbe.class).info("probe line");
        LoggerFactory.getLogger("org.eclipse.jetty.server.Server").info("jetty info line");
        LoggerFactory.getLogger("org.eclipse.jetty.server.Server").warn("jetty warn line");
    }
}

package dev.vodcert.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Waits for a log line: the signal a test takes that another thread reached a point (e.g. the
 * lifecycle logged {@code checking -> applying}), instead of sleeping and polling for a state.
 * Attach before starting the thread, {@link #await} after, {@link #close()} in any case.
 */
public final class LogWatch implements AutoCloseable {
    private final Logger logger;
    private final CountDownLatch seen = new CountDownLatch(1);
    private final AppenderBase<ILoggingEvent> appender;

    private LogWatch(Class<?> source, String... contains) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        this.appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String message = event.getFormattedMessage();
                if (java.util.Arrays.stream(contains).allMatch(message::contains)) {
                    seen.countDown();
                }
            }
        };
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** Watches the log of {@code source} for a message containing each of {@code contains}. */
    public static LogWatch of(Class<?> source, String... contains) {
        return new LogWatch(source, contains);
    }

    /** Waits until the line was logged; fails after {@code timeout}. */
    public void await(Duration timeout) {
        try {
            if (!seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no log line of " + logger.getName() + " within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}

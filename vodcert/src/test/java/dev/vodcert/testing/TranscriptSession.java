package dev.vodcert.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.LoggerFactory;

/**
 * Installed for the whole test run (registered in META-INF/services): from the first test on, every
 * log event of every logger, with its stack trace, goes into the {@link Transcript} as well as to
 * wherever Logback sends it.
 */
public final class TranscriptSession implements LauncherSessionListener {
    private static final String NAME = "vodcert-transcript";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext)) {
            return;
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(NAME) != null) {
            return;
        }
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String line = event.getLoggerName() + " " + event.getFormattedMessage();
                if (event.getThrowableProxy() != null) {
                    line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
                }
                Transcript.logLine(line);
            }
        };
        appender.setName(NAME);
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }
}

package dev.vodcert.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * vodcert's logging, set up in code (found by logback as a {@link Configurator} service), so that
 * a start loads no XML parser: every line to standard error as {@value #PATTERN}, {@code INFO} and
 * above, the chatty libraries at {@code WARN}.
 *
 * <p>An operator's own configuration still wins the usual way: given
 * {@code -Dlogback.configurationFile=FILE}, this step stands aside and logback reads that file as it
 * always does. (Logback 1.5 runs the {@code Configurator} services it finds, highest rank first,
 * until one says {@code DO_NOT_INVOKE_NEXT_IF_ANY}, and only then its own
 * {@code DefaultJoranConfigurator}, which reads that property's file, else {@code logback-test.xml}
 * or {@code logback.xml}, else its basic console set-up.) A {@code logback.xml} on the class path is not looked for
 * (the jar carries none, and
 * {@code java -jar} takes no class path).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{24} - %msg%n";
    static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        LIBRARY_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging is set up in code ({@link LoggingSetup}): the same lines as the former {@code logback.xml}
 * (pattern, levels, standard error), no XML parser loaded for it, and an operator's
 * {@code -Dlogback.configurationFile} still wins. The last two through a child JVM, as started.
 */
class LoggingSetupTest {
    private static final String LINE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ";

    @TempDir
    Path dir;

    @Test
    void configuresStandardErrorWithThePatternAndTheLevels() {
        LoggerContext context = new LoggerContext();
        LoggingSetup setup = new LoggingSetup();
        setup.setContext(context);

        assertThat(setup.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
        assertThat(stderr.isStarted()).isTrue();
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) stderr.getEncoder()).getPattern())
                .isEqualTo("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{24} - %msg%n");
        for (String library : List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb")) {
            assertThat(context.getLogger(library).getLevel()).as(library).isEqualTo(Level.WARN);
        }
        assertThat(context.getLogger("dev.vodcert").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void aStartLogsInThatFormatWithoutLoadingAnXmlParser() throws Exception {
        Run run = probe("-verbose:class");

        assertThat(run.stderr()).matches("(?s)" + LINE + "INFO  \\[main\\] d\\.v\\.server\\.LoggingProbe - probe line\\R"
                + LINE + "WARN  \\[main\\] o\\.e\\.jetty\\.server\\.Server - jetty warn line\\R");
        assertThat(run.stdout()).contains("ch.qos.logback.classic.LoggerContext")
                .doesNotContain("com.sun.org.apache.xerces").doesNotContain("javax.xml.parsers")
                .doesNotContain("ch.qos.logback.classic.joran.JoranConfigurator")
                .doesNotContain("ch.qos.logback.core.joran.event.SaxEventRecorder");
    }

    @Test
    void anOperatorsConfigurationFileWins() throws Exception {
        Path file = dir.resolve("logging.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>OPERATOR %level %logger - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);

        Run run = probe("-Dlogback.configurationFile=" + file);

        assertThat(run.stdout()).isEqualTo("OPERATOR INFO dev.vodcert.server.LoggingProbe - probe line\n"
                + "OPERATOR INFO org.eclipse.jetty.server.Server - jetty info line\n"
                + "OPERATOR WARN org.eclipse.jetty.server.Server - jetty warn line\n");
        assertThat(run.stderr()).isEmpty();
    }

    private record Run(String stdout, String stderr) {
    }

    private Run probe(String option) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", option, "-cp", System.getProperty("java.class.path"),
                LoggingProbe.class.getName()));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}

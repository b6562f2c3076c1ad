package io.ace;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The application's log configuration writes every message on one line: CR/LF cannot forge a log line. */
class LogLinesTest {

    @Test
    void carriageReturnsAndLineFeedsInAMessageAreWrittenAsEscapes() throws Exception {
        String written = logged(context -> context.getLogger("io.ace.web").warn("launch refused for table {}",
                "public.t\r\n12:00:00.000 INFO  Audit - admin granted\nnext"));
        assertThat(written.lines()).hasSize(1);
        assertThat(written).contains("launch refused for table public.t\\r\\n12:00:00.000 INFO  Audit - admin granted\\nnext");
    }

    @Test
    void anExceptionsMessageForgesNoLineAndDrivesNoTerminal() throws Exception {
        String written = logged(context -> context.getLogger("io.ace.diff").warn("the filter check failed on node n1", new IllegalStateException(
                "ERROR: invalid input syntax for type integer: \"x\n12:00:00.000 INFO  RunActions - admin granted ADMIN\u001b[2J\"",
                new RuntimeException("inner\r\n12:00:01.000 WARN forged"))));
        // every line is the log line itself, a frame, or a cause: none starts like a log line of its own
        assertThat(written.lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"))).hasSize(1);
        assertThat(written).contains("integer: \"x\\n12:00:00.000 INFO  RunActions - admin granted ADMIN?[2J\"")
                .contains("Caused by: java.lang.RuntimeException: inner\\r\\n12:00:01.000 WARN forged").doesNotContain("\u001b");
        assertThat(written.lines().filter(l -> l.startsWith("\tat "))).isNotEmpty();
    }

    private static String logged(java.util.function.Consumer<LoggerContext> log) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            configurator.doConfigure(LogLinesTest.class.getResource("/logback-spring.xml"));
            log.accept(context);
        } finally {
            context.stop();
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}

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
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
            context.getLogger("io.ace.web").warn("launch refused for table {}", "public.t\r\n12:00:00.000 INFO  Audit - admin granted\nnext");
        } finally {
            context.stop();
            System.setErr(original);
        }
        String written = err.toString(StandardCharsets.UTF_8);
        assertThat(written.lines()).hasSize(1);
        assertThat(written).contains("launch refused for table public.t\\r\\n12:00:00.000 INFO  Audit - admin granted\\nnext");
    }
}

package io.ace.batch;

import java.util.List;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Whether Spring Batch's own logging of a failed step or job (with its stack trace) reaches the
 * log: a launch's outcome says the failure in one line and the job repository keeps the trace
 * (jobs show), so a terminal shows it only when asked ({@code --debug}).
 */
public final class FailureTraces {

    private static final List<String> LOGGERS = List.of("org.springframework.batch.core.step.AbstractStep",
            "org.springframework.batch.core.job.AbstractJob");

    private FailureTraces() {
    }

    public static void shown(boolean shown) {
        LoggingSystem logging = LoggingSystem.get(FailureTraces.class.getClassLoader());
        LOGGERS.forEach(name -> logging.setLogLevel(name, shown ? LogLevel.ERROR : LogLevel.OFF));
    }
}

package io.ace;

import io.ace.cli.CommandLines;
import io.ace.cli.CommandShapes;
import io.ace.operation.OperationRegistry;
import java.util.OptionalInt;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.util.ClassUtils;

/** Entry point: starts the application context, runs one command, exits with its code (README, "Exit codes"). */
@SpringBootApplication
public class AceApplication {

    /** Where the embedded job repository's server listens for other ACE processes of this machine. */
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    /**
     * Set by the launcher on a process that only answers what needs no application (help, the version,
     * usage errors) and otherwise ends with {@link #MUST_RUN}: it then starts the application on the
     * JDK and cache that start it fastest, telling it so with {@link #ANSWERED} (scripts/ace).
     */
    static final String ANSWER_ONLY = "ace.launch.answer-only";
    static final String ANSWERED = "ace.launch.answered";
    /** The exit code of an answer-only process whose command must run; no exit code of ACE's contract. */
    static final int MUST_RUN = 99;
    /** Set by the launcher once per build: print each command's shape ({@link CommandShapes}) and exit. */
    static final String SHAPES = "ace.launch.shapes";

    public static void main(String[] args) {
        // help, the version and usage errors need no application: answered before it starts, they take a blink, not seconds
        if (!Boolean.getBoolean(ANSWERED)) {
            OperationRegistry operations = Operations.registry(() -> {
                throw new IllegalStateException("jobs are made only once the application has started");
            });
            if (Boolean.getBoolean(SHAPES)) {
                CommandShapes.of(operations).forEach(System.out::println);
                System.exit(0);
            }
            OptionalInt answered = CommandLines.answeredAlone(operations, args);
            if (answered.isPresent() || Boolean.getBoolean(ANSWER_ONLY)) {
                System.exit(answered.orElse(MUST_RUN));
            }
        }
        // H2's AUTO_SERVER otherwise listens on every interface; -Dh2.bindAddress=... overrides
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        SpringApplication app = new SpringApplication(AceApplication.class);
        // our flags (--nodes, --block-size, ...) are picocli's, not Spring properties
        app.setAddCommandLineProperties(false);
        if (args.length > 0 && args[0].equals("serve")) {
            // the one long-running command: web UI, API and scheduler (application-serve.properties)
            app.setWebApplicationType(WebApplicationType.SERVLET);
            app.setAdditionalProfiles("serve");
        } else if (!Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                && ClassUtils.isPresent(AceApplication.class.getName() + "__ApplicationContextInitializer", null)) {
            // the command line's context as the build generated it (serve's differs): no configuration to parse at start
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
        int code;
        try (ConfigurableApplicationContext context = app.run()) {
            code = CommandLines.create(context, args).execute(args);
        }
        System.exit(code);
    }
}

package io.ace;

import io.ace.cli.CommandLines;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Entry point: starts the application context, runs one command, exits with its code (README, "Exit codes"). */
@SpringBootApplication
public class AceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(AceApplication.class);
        // our flags (--nodes, --block-size, ...) are picocli's, not Spring properties
        app.setAddCommandLineProperties(false);
        if (args.length > 0 && args[0].equals("serve")) {
            // the one long-running command: web UI, API and scheduler (application-serve.properties)
            app.setWebApplicationType(WebApplicationType.SERVLET);
            app.setAdditionalProfiles("serve");
        }
        int code;
        try (ConfigurableApplicationContext context = app.run()) {
            code = CommandLines.create(context).execute(args);
        }
        System.exit(code);
    }
}

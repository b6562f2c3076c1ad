package io.ace.cli;

import io.ace.config.EffectiveConfiguration;
import io.ace.exit.AceException;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code ace serve}: the web UI, the REST API and the scheduler in one process. The server is
 * already running when this command runs (the launcher starts the application as a web server
 * for it, which announces its address and users); this waits until the server stops.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the web UI, the REST API and the scheduler until stopped (Ctrl-C or SIGTERM).",
            "Port: ACE_SERVE_PORT (default 8080). Users, tokens and TLS: config/serve.properties (ACE_SERVE_CONFIG)."})
public class ServeCommand implements Callable<Integer> {

    @Autowired
    private ApplicationContext context;

    @Override
    public Integer call() throws InterruptedException {
        if (!(context instanceof WebServerApplicationContext)) {
            throw AceException.usage("serve must be the first argument: scripts/ace serve");
        }
        context.getBean(EffectiveConfiguration.class).logAtStart();
        new ContextClosing(context).await();
        return 0;
    }
}

package io.ace.cli;

import io.ace.web.security.ServeUsers;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

/**
 * {@code ace serve}: the web UI, the REST API and the scheduler in one process. The server is
 * already running when this command runs (the launcher starts the application as a web server
 * for it); this says where to browse and which users exist, then waits until the server stops.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the web UI, the REST API and the scheduler until stopped (Ctrl-C or SIGTERM).",
            "Port: ACE_SERVE_PORT (default 8080). Users, tokens and TLS: config/serve.properties (ACE_SERVE_CONFIG)."})
public class ServeCommand implements Callable<Integer> {

    private final ApplicationContext context;
    private final String datasourceUrl;

    public ServeCommand(ApplicationContext context, @Value("${spring.datasource.url}") String datasourceUrl) {
        this.context = context;
        this.datasourceUrl = datasourceUrl;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(context instanceof WebServerApplicationContext web)) {
            throw io.ace.exit.AceException.usage("serve must be the first argument: scripts/ace serve");
        }
        CountDownLatch closed = new CountDownLatch(1);
        ((ConfigurableApplicationContext) context).addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        boolean tls = context.getEnvironment().getProperty("server.ssl.enabled", Boolean.class, false)
                || context.getEnvironment().containsProperty("server.ssl.bundle");
        System.out.println("ACE is serving at " + (tls ? "https" : "http") + "://localhost:" + web.getWebServer().getPort() + "/");
        System.out.println("users: " + String.join(", ", context.getBean(ServeUsers.class).description()));
        // the repository URL names no password (it comes from ACE_REPOSITORY_PASSWORD)
        System.out.println("job repository: " + datasourceUrl.replaceAll("password=[^;&]*", "password=***"));
        closed.await();
        return 0;
    }
}

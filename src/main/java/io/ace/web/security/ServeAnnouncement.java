package io.ace.web.security;

import io.ace.config.Masked;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Says where {@code serve} listens, which users exist (never their passwords) and which job
 * repository it uses, once the server is up.
 */
final class ServeAnnouncement implements ApplicationListener<WebServerInitializedEvent> {

    private final ServeUsers users;
    private final Environment environment;

    ServeAnnouncement(ServeUsers users, Environment environment) {
        this.users = users;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false) || environment.containsProperty("server.ssl.bundle");
        System.out.println("ACE is serving at " + (tls ? "https" : "http") + "://localhost:" + event.getWebServer().getPort() + "/");
        System.out.println("users: " + String.join(", ", users.description()));
        // the repository URL names no password (it comes from ACE_REPOSITORY_PASSWORD)
        System.out.println("job repository: " + Masked.url(environment.getProperty("spring.datasource.url", "")));
    }
}

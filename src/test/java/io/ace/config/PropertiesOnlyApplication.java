package io.ace.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Starts the application's settings alone, as the application starts them (application.properties,
 * the property aliases, binding, the failure report, the start-up log), without a job repository.
 */
@Configuration(proxyBeanMethods = false)
@Import(PropertiesConfiguration.class)
@EnableConfigurationProperties(DataSourceProperties.class)
class PropertiesOnlyApplication {

    /** Started with {@code home} as ace.home and {@code properties} ({@code name=value}) as command-line properties. */
    static ConfigurableApplicationContext start(Path home, String... properties) {
        List<String> args = new ArrayList<>(List.of("--ace.home=" + home));
        for (String p : properties) {
            args.add("--" + p);
        }
        return new SpringApplicationBuilder(PropertiesOnlyApplication.class).web(WebApplicationType.NONE).registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    static AceProperties bound(Path home, String... properties) {
        try (ConfigurableApplicationContext context = start(home, properties)) {
            return context.getBean(AceProperties.class);
        }
    }
}

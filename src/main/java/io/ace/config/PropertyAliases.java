package io.ace.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The other names some {@code ace.*} properties answer to: environment variables README documents
 * whose names are not the property's own (relaxed binding already reads ACE_NODE_MAX_CONNECTIONS as
 * {@code ace.node.max-connections}), and {@code ace.partitioning=MODE} of earlier versions, now
 * {@code ace.partitioning.mode}. An alias counts only where the property itself is set nowhere.
 */
public final class PropertyAliases implements EnvironmentPostProcessor {

    static final String SOURCE = "ace-property-aliases";

    /** Property, then the name that sets it when it is not set itself. */
    static final Map<String, String> ALIASES = Map.of(
            "ace.default-cluster", "ACE_CLUSTER",
            "ace.reports.templates-dir", "ACE_REPORTS_TEMPLATES",
            "ace.serve.output-dir", "ACE_REPORTS_DIR",
            "ace.partitioning.mode", "ace.partitioning");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new LinkedHashMap<>();
        ALIASES.forEach((property, alias) -> {
            String value = environment.getProperty(alias);
            if (value != null) {
                values.put(property, OriginTrackedValue.of(value, origin(environment, alias)));
            }
        });
        environment.getPropertySources().addLast(new OriginTrackedMapPropertySource(SOURCE, values));
    }

    /** Where the alias was set, so a value out of range is reported there (a file and line, an environment variable). */
    private static Origin origin(ConfigurableEnvironment environment, String alias) {
        return environment.getPropertySources().stream()
                .filter(s -> !ConfigurationPropertySources.isAttachedConfigurationPropertySource(s) && s.containsProperty(alias))
                .findFirst().map(s -> PropertySourceOrigin.get(s, alias)).orElse(null);
    }
}

package io.ace.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Explains a start stopped by settings out of range in the words README uses: each setting by its
 * property name ({@code ace.node.max-connections}, where Spring Boot's own report says
 * {@code ace.node.maxConnections} and loses where a nested setting was set), its value, where it
 * was set (a file and line, an environment variable) and what is allowed.
 */
public final class OutOfRangeSettingAnalyzer extends AbstractFailureAnalyzer<BindValidationException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        ValidationErrors errors = cause.getValidationErrors();
        List<String> lines = new ArrayList<>();
        for (ObjectError error : errors) {
            lines.add(error instanceof FieldError field ? describe(errors, field) : errors.getName() + ": " + error.getDefaultMessage());
        }
        return new FailureAnalysis("Settings out of range:\n  " + String.join("\n  ", lines),
                "Change each setting where it is set, or remove it to take its default (README, \"Settings\").", cause);
    }

    private static String describe(ValidationErrors errors, FieldError error) {
        String field = DataObjectPropertyName.toDashedForm(error.getField());
        ConfigurationPropertyName name = ConfigurationPropertyName.of(errors.getName() + "." + field);
        ConfigurationProperty bound = errors.getBoundProperties().stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
        String value = bound == null ? "(its default)"
                : (Masked.isSecret(name.toString()) ? Masked.MASK : "'" + bound.getValue() + "'")
                        + (bound.getOrigin() == null ? "" : " (" + bound.getOrigin() + ")");
        return name + " " + value + ": " + error.getDefaultMessage();
    }

    /** Before Spring Boot's own analyzer of the same failure: the first that explains it is reported. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

package io.ace.config;

import java.time.Duration;
import java.util.List;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the {@code ace.*} settings once they are bound, the whole tree from its root, so that a
 * start names every value out of range at once: each is rejected by its field path, which the
 * binder turns into the property and where it was set ({@link OutOfRangeSettingAnalyzer}).
 * Registered under the name Spring Boot looks up for the validator of configuration properties.
 * Plain checks rather than a bean validation provider, whose start cost every command-line run
 * about 0.1 s for these few bounds.
 */
final class SettingRanges implements Validator {

    /** A group of settings whose values have bounds. */
    interface Bounded {
        void check(Checks checks);
    }

    /** The root only: a group checked on its own as it is bound would stop the start at the first group out of range. */
    @Override
    public boolean supports(Class<?> type) {
        return AceProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ((AceProperties) target).check(new Checks(errors));
    }

    /** The bounds a group's fields may have; each failed one is a field error. */
    static final class Checks {

        private final Errors errors;

        private Checks(Errors errors) {
            this.errors = errors;
        }

        /** The checks of a group within this one, when it is set; its fields are named under {@code path}. */
        void nested(String path, Bounded group) {
            if (group != null) {
                errors.pushNestedPath(path);
                group.check(this);
                errors.popNestedPath();
            }
        }

        void atLeast(String field, long value, long min) {
            if (value < min) {
                errors.rejectValue(field, "Min", "must be greater than or equal to " + min);
            }
        }

        void notNull(String field, Object value) {
            if (value == null) {
                errors.rejectValue(field, "NotNull", "must not be null");
            }
        }

        void notNegative(String field, Duration value) {
            if (value != null && value.isNegative()) {
                errors.rejectValue(field, "DurationMin", "must not be negative");
            }
        }

        void atLeastOneMilli(String field, Duration value) {
            if (value != null && value.compareTo(Duration.ofMillis(1)) < 0) {
                errors.rejectValue(field, "DurationMin", "must be at least 1ms");
            }
        }

        /** Unset, or one of {@code allowed}. */
        void oneOf(String field, String value, List<String> allowed) {
            if (value != null && !allowed.contains(value)) {
                errors.rejectValue(field, "OneOf", "must be one of " + String.join(", ", allowed));
            }
        }
    }
}

package io.ace.operation;

/**
 * An operation's own command-line options (a picocli-annotated class with a no-argument
 * constructor: its {@code @Command} names the operation, its fields are the flags and the target).
 * The launch grammar adds what every operation shares ({@code --run-key}, {@code --output-dir},
 * {@code --quiet}), so the same class serves the command line, the UI form, the API and schedules.
 */
public interface RequestOptions<R extends LaunchRequest> {

    /** The request these options describe, checked: a bad value is an {@code AceException} with exit 64. */
    R request(RunBasics run);
}

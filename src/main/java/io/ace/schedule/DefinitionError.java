package io.ace.schedule;

import java.nio.file.Path;

/**
 * A job definition that cannot be scheduled, and where it goes wrong.
 *
 * @param line   1-based line of the offending key or value
 * @param column 1-based column
 */
public record DefinitionError(Path file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}

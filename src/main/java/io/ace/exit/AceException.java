package io.ace.exit;

/**
 * An error an operator can act on: its message names what is wrong (node, table, flag) and
 * how to fix it, and it carries the exit code a scheduler sees.
 */
public class AceException extends RuntimeException {

    private final ExitCode exitCode;

    public AceException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public AceException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static AceException usage(String message) {
        return new AceException(ExitCode.USAGE, message);
    }

    public static AceException config(String message) {
        return new AceException(ExitCode.CONFIG, message);
    }
}

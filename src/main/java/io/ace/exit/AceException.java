package io.ace.exit;

/**
 * An error an operator can act on: its message names what is wrong (node, table, flag) and
 * how to fix it, and it carries the exit code a scheduler sees. Text that comes from outside the
 * tool (a node's error message, a file's content) is kept apart as the detail: the command line
 * prints it, a web caller who is not an administrator never sees it.
 */
public class AceException extends RuntimeException {

    private final ExitCode exitCode;
    private final String publicMessage;

    public AceException(ExitCode exitCode, String message) {
        this(exitCode, message, null, null);
    }

    public AceException(ExitCode exitCode, String message, Throwable cause) {
        this(exitCode, message, null, cause);
    }

    /**
     * @param message our own words: what failed and how to fix it
     * @param detail  text from outside (a node's or a parser's message), or null
     */
    public AceException(ExitCode exitCode, String message, String detail, Throwable cause) {
        super(detail == null ? message : message + ": " + detail, cause);
        this.exitCode = exitCode;
        this.publicMessage = message;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** The message without the detail from outside, for callers who must not read node or file content. */
    public String publicMessage() {
        return publicMessage.equals(getMessage()) ? publicMessage : publicMessage + " (the cause is in the server log)";
    }

    public static AceException usage(String message) {
        return new AceException(ExitCode.USAGE, message);
    }

    public static AceException config(String message) {
        return new AceException(ExitCode.CONFIG, message);
    }
}

package io.ace.exit;

/** Process exit codes: the diff(1) convention, extended for schedulers; README, "Exit codes". */
public enum ExitCode {
    IN_SYNC(0),
    DIFFERENCES(1),
    FAILED(2),
    STOPPED(3),
    ALREADY_COMPLETED(4),
    USAGE(64),
    UNREACHABLE(75),
    CONFIG(78);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** What an exit code means, in words ({@code differences}, {@code config}, ...), or {@code unknown}. */
    public static String meaning(int code) {
        for (ExitCode c : values()) {
            if (c.code == code) {
                return c.name().toLowerCase().replace('_', ' ');
            }
        }
        return "unknown";
    }
}
